package dev.amsh.paging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Continuation paging: pages are fetched as iteration reaches them, each by the continuation of the one before. */
class PagedTest {
    final Map<String, Page<Integer>> pages = Map.of("first", new Page<>(List.of(1, 2), "p2"),
            "p2", new Page<>(List.of(), "p3"), "p3", new Page<>(List.of(3), null));
    final List<String> asked = new ArrayList<>();

    Paged<Integer> paged(Integer limit) {
        return Paged.continuation(token -> {
            asked.add(token == null ? "first" : token);
            return pages.get(token == null ? "first" : token);
        }, limit);
    }

    @Test
    void followsContinuationsThroughAnEmptyPageToTheLast() {
        assertEquals(List.of(1, 2, 3), paged(null).toList());
        assertEquals(List.of("first", "p2", "p3"), asked);
    }

    @Test
    void aLimitStopsBeforeTheNextPageIsAsked() {
        assertEquals(List.of(1, 2), paged(2).toList());
        assertEquals(List.of("first"), asked);
    }

    @Test
    void nothingIsFetchedUntilIterated() {
        Paged<String> mapped = paged(null).map(i -> "#" + i);
        assertTrue(asked.isEmpty());
        assertEquals(List.of("#1", "#2", "#3"), mapped.stream().toList());
    }

    @Test
    void aListAlreadyReadIsOnePage() {
        assertEquals(List.of("a", "b"), Paged.of(List.of("a", "b")).toList());
    }

    /** A server of {@code total} items that answers $skip/$top, recording each (skip, top) asked. */
    Paged<Integer> offsets(int total, int pageSize, Integer limit, List<String> calls) {
        return Paged.offsets((skip, top) -> {
            calls.add(skip + "/" + top);
            List<Integer> page = new ArrayList<>();
            for (int i = skip; i < Math.min(total, skip + top); i++) {
                page.add(i);
            }
            return page;
        }, pageSize, limit);
    }

    @Test
    void odataOffsetsAskTheNextSkipUntilAShortPageAndALimitTrimsTheLastTop() {
        List<String> calls = new ArrayList<>();
        assertEquals(5, offsets(5, 2, null, calls).toList().size());
        assertEquals(List.of("0/2", "2/2", "4/2"), calls, "the short third page is the last");
        calls.clear();
        assertEquals(4, offsets(4, 2, null, calls).toList().size());
        assertEquals(List.of("0/2", "2/2", "4/2"), calls, "a full last page costs one empty page more, as OData has no count");
        calls.clear();
        assertEquals(List.of(0, 1, 2), offsets(100, 2, 3, calls).toList());
        assertEquals(List.of("0/2", "2/1"), calls, "the last page asks only what the limit leaves");
    }
}
