package dev.amsh.datacenter.v3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The v3 resources as neutral records: pure, so each mapping has a fast test. */
final class ArmJson {
    /** v3's "no end" ({@code 9999-12-31T23:59:59.9999999Z}) and anything near it is a locator without end. */
    private static final Instant NO_END = Instant.parse("9000-01-01T00:00:00Z");

    private ArmJson() {
    }

    static MediaAsset asset(JsonNode n) {
        JsonNode p = n.path("properties");
        String assetId = text(p, "assetId");
        String container = text(p, "container");
        String format = text(p, "storageEncryptionFormat");
        return new MediaAsset(assetId, text(n, "name"), container != null ? container : assetId == null ? null : "asset-" + assetId,
                text(p, "alternateId"), format != null && !format.equals("None"), date(p, "created"), "",
                format == null ? "None" : format, text(p, "storageAccountName"), date(p, "lastModified"));
    }

    /** A locator from its resource ({@code properties}) or from listStreamingLocators (flat). */
    static OriginLocator locator(JsonNode n, List<String> contentKeys) {
        JsonNode p = n.has("properties") ? n.path("properties") : n;
        Instant end = date(p, "endTime");
        return new OriginLocator(UUID.fromString(text(p, "streamingLocatorId")), text(n, "name"), text(n, "name"),
                text(p, "assetName"), date(p, "startTime"), end != null && end.isAfter(NO_END) ? null : end,
                text(p, "streamingPolicyName"), contentKeys);
    }

    static EndpointState endpoint(JsonNode n) {
        JsonNode p = n.path("properties");
        return new EndpointState(text(n, "name"), text(p, "hostName"), text(p, "resourceState"), p.path("scaleUnits").asInt(0));
    }

    static List<String> contentKeys(JsonNode listContentKeys) {
        List<String> keys = new ArrayList<>();
        listContentKeys.path("contentKeys").forEach(k -> keys.add(k.toString()));
        return keys;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Instant date(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s).toInstant();
        }
    }
}
