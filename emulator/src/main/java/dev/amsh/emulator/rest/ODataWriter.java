package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes entities in the dialect the client asked for: JSON verbose ({@code {"d":…}}, {@code __metadata},
 * deferred navigation links, {@code \/Date(ms)\/}) or JSON light ({@code odata.metadata}, {@code value},
 * ISO-8601 dates). Int64 values travel as strings in both, as the service sent them.
 */
public final class ODataWriter {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> DATES = Set.of("Created", "LastModified", "StartTime", "EndTime", "ExpirationDateTime");
    static final Map<String, String> TYPES = Map.of("Assets", "Asset", "Files", "AssetFile", "AccessPolicies",
            "AccessPolicy", "Locators", "Locator", "Jobs", "Job", "Tasks", "Task", "MediaProcessors", "MediaProcessor");
    static final Map<String, List<String>> NAVIGATION = Map.of(
            "Assets", List.of("Locators", "ContentKeys", "Files", "ParentAssets", "DeliveryPolicies"),
            "Locators", List.of("AccessPolicy", "Asset"),
            "Files", List.of(),
            "Jobs", List.of("Tasks", "InputMediaAssets", "OutputMediaAssets"),
            "Tasks", List.of("OutputMediaAssets", "InputMediaAssets"));

    private final boolean verbose;
    private final String root;

    public ODataWriter(boolean verbose, String root) {
        this.verbose = verbose;
        this.root = root;
    }

    public boolean verbose() {
        return verbose;
    }

    public String contentType() {
        return verbose ? "application/json;odata=verbose;charset=utf-8"
                : "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
    }

    public String collection(String set, List<ObjectNode> entities) {
        ObjectNode out = JSON.createObjectNode();
        if (verbose) {
            ArrayNode results = out.putObject("d").putArray("results");
            entities.forEach(e -> results.add(shape(set, e)));
        } else {
            out.put("odata.metadata", root + "$metadata#" + set);
            ArrayNode value = out.putArray("value");
            entities.forEach(e -> value.add(shape(set, e)));
        }
        return serialize(out);
    }

    public String single(String set, ObjectNode entity) {
        ObjectNode shaped = shape(set, entity);
        ObjectNode out;
        if (verbose) {
            out = JSON.createObjectNode();
            out.set("d", shaped);
        } else {
            out = JSON.createObjectNode().put("odata.metadata", root + "$metadata#" + set + "/@Element");
            out.setAll(shaped);
        }
        return serialize(out);
    }

    public String error(String code, String message) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode err = out.putObject(verbose ? "error" : "odata.error");
        err.put("code", code);
        err.putObject("message").put("lang", "en-US").put("value", message);
        return serialize(out);
    }

    private ObjectNode shape(String set, ObjectNode entity) {
        ObjectNode out = JSON.createObjectNode();
        String uri = root + set + "('" + entity.path("Id").asText() + "')";
        if (verbose) {
            out.putObject("__metadata").put("id", uri).put("uri", uri)
                    .put("type", "Microsoft.Cloud.Media.Vod.Rest.Data.Models." + TYPES.getOrDefault(set, set));
            for (String nav : NAVIGATION.getOrDefault(set, List.of())) {
                out.putObject(nav).putObject("__deferred").put("uri", uri + "/" + nav);
            }
        }
        entity.fields().forEachRemaining(f -> {
            if (f.getKey().startsWith("_")) {
                return; // emulator-private fields
            }
            JsonNode v = f.getValue();
            if (DATES.contains(f.getKey()) && v.isTextual()) {
                Instant t = Instant.parse(v.asText());
                out.put(f.getKey(), verbose ? "/Date(" + t.toEpochMilli() + ")/" : t.toString());
            } else if (v.isArray() && verbose) {
                out.putObject(f.getKey()).set("results", v);
            } else {
                out.set(f.getKey(), v);
            }
        });
        return out;
    }

    private static String serialize(JsonNode node) {
        try {
            // the service escaped the slashes of its date literals: "\/Date(…)\/"
            return JSON.writeValueAsString(node).replace("\"/Date(", "\"\\/Date(").replace(")/\"", ")\\/\"");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
