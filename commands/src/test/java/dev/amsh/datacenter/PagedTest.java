package dev.amsh.datacenter;

import dev.amsh.error.AmshException;
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
    void anIterableThatPagesByItselfIsOnePage() {
        assertEquals(List.of("a", "b"), Paged.of(List.of("a", "b")).toList());
    }

    @Test
    void kindsParseAndPrintAsContextsSayThem() {
        assertEquals(Kind.V2, Kind.of(null));
        assertEquals(Kind.V3, Kind.of(" V3 "));
        assertEquals("v3", Kind.V3.toString());
        assertEquals("unknown context kind 'v4' (use --kind v2 or --kind v3)",
                assertThrows(AmshException.class, () -> Kind.of("v4")).oneLine());
    }
}
