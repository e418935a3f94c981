package dev.amsh.ams.model;

import dev.amsh.error.AmshException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

class EntityIdsTest {
    @Test
    void everyAcceptedFormNormalizes() {
        String canonical = "nb:lid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b";
        assertEquals(canonical, EntityIds.normalize("lid", "1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b"));
        assertEquals(canonical, EntityIds.normalize("lid", "1F4C7A2E-3B6D-4E8F-9A0B-1C2D3E4F5A6B"));
        assertEquals(canonical, EntityIds.normalize("lid", "nb:lid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b"));
        assertEquals(canonical, EntityIds.normalize("lid", "nb%3Alid%3AUUID%3A1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b"));
        assertEquals(canonical, EntityIds.normalize("lid", "{1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b}"));
        assertEquals(canonical, EntityIds.normalize("lid", "nb:lid:uuid:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b"));
    }

    @Test
    void nonIdsAreRefusedWithAHint() {
        AmshException e = assertThrows(AmshException.class, () -> EntityIds.normalize("cid", "my-movie"));
        assertTrue(e.oneLine().contains("not an Id"));
        assertFalse(EntityIds.looksLikeId("my-movie"));
        assertTrue(EntityIds.looksLikeId("nb:cid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b"));
        AmshException kind = assertThrows(AmshException.class,
                () -> EntityIds.normalize("jid", "nb:cid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b"));
        assertEquals("'nb:cid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b' is an asset or file Id, not a job Id "
                + "(give a job Id (nb:jid:UUID:…) or a bare GUID)", kind.oneLine());
    }

    @Test
    void bothDateDialectsParse() {
        assertEquals(Instant.ofEpochMilli(1337049393000L), ODataJson.parseDate("\\/Date(1337049393000)\\/"));
        assertEquals(Instant.ofEpochMilli(1337049393000L), ODataJson.parseDate("/Date(1337049393000)/"));
        assertEquals(Instant.parse("2012-05-15T02:36:33Z"), ODataJson.parseDate("2012-05-15T02:36:33Z"));
        assertEquals(Instant.parse("2012-05-15T02:36:33.123Z"), ODataJson.parseDate("2012-05-15T02:36:33.123"));
        assertNull(ODataJson.parseDate("garbage"));
    }

    @Test
    void sasLocatorPathGivesTheContainerInBothHostStyles() {
        Locator azure = new Locator("nb:lid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b", null, "Sas", null, null, null, null,
                "https://store.blob.core.windows.net/asset-9e0a6f2f?sv=2012-02-12&sr=c&si=x&sig=y", null, null);
        assertEquals("asset-9e0a6f2f", azure.containerName());
        Locator local = new Locator("nb:lid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b", null, "Sas", null, null, null, null,
                "http://127.0.0.1:10000/storea/asset-9e0a6f2f?sv=2012-02-12&sr=c&si=x&sig=y", null, null);
        assertEquals("asset-9e0a6f2f", local.containerName());
    }
}
