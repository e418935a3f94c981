package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** v3's $filter, table-driven, without HTTP: operators, dates, quotes, enum literals, grouping and bad input. */
class ArmFilterTest {
    static final Set<String> FIELDS = Set.of("name", "properties/created", "properties/alternateid", "properties/state");

    static JsonNode asset(String name, String created, String alternateId, String state) {
        var n = ArmJson.object().put("name", name);
        var p = n.putObject("properties").put("created", created).put("state", state);
        if (alternateId != null) {
            p.put("alternateId", alternateId);
        }
        return n;
    }

    final List<JsonNode> items = List.of(
            asset("a1", "2012-05-01T10:00:00.0000000Z", "x", "Finished"),
            asset("a2", "2013-01-01T00:00:00.0000000Z", "it's", "Processing"),
            asset("b1", "2020-07-21T12:31:56.1234567Z", null, "Queued"));

    List<String> names(String filter) {
        Predicate<JsonNode> p = ArmFilter.parse(filter, FIELDS);
        return items.stream().filter(p).map(n -> n.get("name").asText()).toList();
    }

    @Test
    void operatorsDatesAndGrouping() {
        assertEquals(List.of("a1", "a2", "b1"), names(null));
        assertEquals(List.of("a2"), names("name eq 'a2'"));
        assertEquals(List.of("a1", "b1"), names("name ne 'a2'"));
        assertEquals(List.of("a2", "b1"), names("name gt 'a1'"));
        assertEquals(List.of("a1", "a2"), names("name lt 'b'"));
        assertEquals(List.of("a2"), names("properties/created gt 2012-06-01 and properties/created lt 2013-07-01"));
        assertEquals(List.of("b1"), names("properties/created ge 2020-07-21T12:31:56.1234567Z"));
        assertEquals(List.of("a2"), names("properties/alternateId eq 'it''s'"));
        assertEquals(List.of("a1", "b1"), names("properties/state eq Microsoft.Media.JobState'Finished' or properties/state eq Microsoft.Media.JobState'Queued'"));
        assertEquals(List.of("a2"), names("not (name eq 'a1' or name eq 'b1')"));
        assertEquals(List.of("a2", "b1"), names("NAME GT 'a1'"));
    }

    @Test
    void badFiltersSayWhatIsWrong() {
        for (String bad : List.of("name", "name eq", "name like 'a'", "properties/nothing eq 1", "(name eq 'a'", "name eq 'a' and")) {
            ArmError e = assertThrows(ArmError.class, () -> ArmFilter.parse(bad, FIELDS), bad);
            assertEquals(400, e.status(), bad);
            assertTrue(e.getMessage().startsWith("Invalid $filter"), e.getMessage());
        }
    }
}
