package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The REST pipeline's pure pieces: $batch parsing, $orderby, $select, the Atom reader and key paths. */
class RestPiecesTest {
    @Test
    void aBatchIsReadWithItsChangesetWhateverItsLineEnds() {
        for (String eol : List.of("\r\n", "\n")) {
            String body = String.join(eol, "--batch_1", "Content-Type: multipart/mixed; boundary=changeset_2", "",
                    "--changeset_2", "Content-Type: application/http", "Content-Transfer-Encoding: binary", "",
                    "POST http://h/api/Jobs HTTP/1.1", "Content-Type: application/atom+xml;type=entry", "Content-ID: 1", "",
                    "<entry/>", "--changeset_2", "Content-Type: application/http", "", "POST http://h/api/$1/Tasks HTTP/1.1",
                    "Content-Type: application/json", "", "{\"Name\":\"t\"}", "--changeset_2--", "--batch_1--", "");
            BatchRequest r = BatchRequest.parse("multipart/mixed; boundary=batch_1", body.getBytes(StandardCharsets.UTF_8));
            assertEquals(2, r.operations().size());
            assertEquals("http://h/api/Jobs", r.operations().get(0).uri());
            assertEquals("application/atom+xml;type=entry", r.operations().get(0).header("Content-Type"));
            assertEquals("<entry/>", new String(r.operations().get(0).body(), StandardCharsets.UTF_8));
            assertEquals("{\"Name\":\"t\"}", new String(r.operations().get(1).body(), StandardCharsets.UTF_8));
        }
        assertEquals("InvalidRequestBody", assertThrows(ServiceError.class,
                () -> BatchRequest.parse("application/json", new byte[0])).code());
    }

    @Test
    void orderByAndSelect() {
        List<ObjectNode> list = new ArrayList<>();
        for (String[] row : new String[][] {{"b", "2"}, {"a", "10"}, {"c", null}}) {
            ObjectNode n = ODataWriter.JSON.createObjectNode().put("Id", "nb:cid:UUID:" + row[0]).put("Name", row[0]);
            if (row[1] == null) {
                n.putNull("State");
            } else {
                n.put("State", Integer.parseInt(row[1]));
            }
            list.add(n);
        }
        list.sort(OrderBy.parse("State desc, Name", Set.of("Name", "State")));
        assertEquals(List.of("a", "b", "c"), list.stream().map(n -> n.get("Name").asText()).toList(), "numbers as numbers, nulls last in desc");
        list.sort(OrderBy.parse("Name asc", Set.of("Name", "State")));
        assertEquals("a", list.get(0).get("Name").asText());
        assertEquals("BadRequest", assertThrows(ServiceError.class, () -> OrderBy.parse("Name sideways", Set.of("Name"))).code());

        ObjectNode picked = Select.parse("Name", Set.of("Name", "State")).apply(list.get(0).put("_container", "x"));
        assertEquals(Set.of("Id", "Name", "_container", Select.FIELD), Set.copyOf(iterable(picked)), "the Id kept for URIs, the selection for the writers");
        assertEquals("[\"Name\"]", picked.get(Select.FIELD).toString());
        assertSame(list.get(1), Select.parse("*", Set.of()).apply(list.get(1)));
    }

    @Test
    void atomBodiesAreReadByNamespaceWithTypedValues() {
        String xml = "<a:entry xmlns:a=\"http://www.w3.org/2005/Atom\" xmlns:x=\"" + AtomWriter.DATA + "\" xmlns:y=\"" + AtomWriter.METADATA
                + "\"><a:content><y:properties><x:Name>n &amp; m</x:Name><x:Options>1</x:Options><x:IsPrimary>true</x:IsPrimary>"
                + "<x:ContentFileSize>12345678901</x:ContentFileSize><x:DurationInMinutes>1.5</x:DurationInMinutes>"
                + "<x:AlternateId y:null=\"true\"/><x:JobNotificationSubscriptions><x:element><x:TargetJobState>2</x:TargetJobState>"
                + "</x:element></x:JobNotificationSubscriptions></y:properties></a:content></a:entry>";
        ObjectNode n = AtomReader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("n & m", n.get("Name").asText());
        assertEquals(1, n.get("Options").intValue());
        assertTrue(n.get("IsPrimary").booleanValue());
        assertEquals(12345678901L, n.get("ContentFileSize").longValue());
        assertEquals(1.5, n.get("DurationInMinutes").doubleValue());
        assertTrue(n.get("AlternateId").isNull());
        assertEquals(2, n.get("JobNotificationSubscriptions").get(0).get("TargetJobState").intValue());
        assertEquals("Assets('nb%3Acid%3AUUID%3A1')", EntityWriter.keyPath("Assets", "nb:cid:UUID:1"));
    }

    private static List<String> iterable(ObjectNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
