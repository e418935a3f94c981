package dev.amsh.datacenter.v3;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** v3 resources as neutral records, from the shapes the research sheet records. */
class ArmJsonTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void anAssetWithoutContainerHasTheDefaultOne() throws Exception {
        MediaAsset a = ArmJson.asset(json.readTree("{\"name\":\"movie\",\"properties\":{\"assetId\":"
                + "\"1b648c1a-2268-461d-a1da-742bde23db40\",\"created\":\"2026-11-01T10:00:00.123Z\","
                + "\"lastModified\":\"2026-11-02T10:00:00Z\",\"storageAccountName\":\"amshstorea\","
                + "\"storageEncryptionFormat\":\"None\",\"alternateId\":\"x\"}}"));
        assertEquals(new MediaAsset("1b648c1a-2268-461d-a1da-742bde23db40", "movie", "asset-1b648c1a-2268-461d-a1da-742bde23db40",
                "x", false, Instant.parse("2026-11-01T10:00:00.123Z"), "", "None", "amshstorea",
                Instant.parse("2026-11-02T10:00:00Z")), a);
    }

    @Test
    void anEncryptedAssetSaysSo() throws Exception {
        MediaAsset a = ArmJson.asset(json.readTree("{\"name\":\"e\",\"properties\":{\"assetId\":\"1b648c1a-2268-461d-a1da-742bde23db40\","
                + "\"container\":\"c\",\"storageEncryptionFormat\":\"MediaStorageClientEncryption\"}}"));
        assertTrue(a.encrypted());
        assertEquals("MediaStorageClientEncryption", a.options());
    }

    @Test
    void aLocatorWithoutEndHasNone() throws Exception {
        UUID id = UUID.randomUUID();
        OriginLocator l = ArmJson.locator(json.readTree("{\"name\":\"loc\",\"properties\":{\"assetName\":\"movie\","
                + "\"streamingLocatorId\":\"" + id + "\",\"streamingPolicyName\":\"Predefined_ClearStreamingOnly\","
                + "\"endTime\":\"9999-12-31T23:59:59.9999999Z\"}}"), List.of());
        assertEquals(new OriginLocator(id, "loc", "loc", "movie", null, null, "Predefined_ClearStreamingOnly", List.of()), l);
    }

    @Test
    void aListedLocatorIsFlat() throws Exception {
        UUID id = UUID.randomUUID();
        OriginLocator l = ArmJson.locator(json.readTree("{\"name\":\"loc\",\"assetName\":\"movie\",\"streamingLocatorId\":\"" + id
                + "\",\"startTime\":\"2026-12-01T00:00:00+00:00\",\"endTime\":\"2027-01-01T00:00:00Z\",\"streamingPolicyName\":\"p\"}"), List.of("{}"));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), l.start());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), l.end());
        assertEquals(List.of("{}"), l.contentKeys());
    }
}
