package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes entities in the dialect the client asked for: JSON verbose ({@code {"d":…}}, {@code __metadata},
 * deferred navigation links, {@code \/Date(ms)\/}) or JSON light ({@code odata.metadata}, {@code value},
 * ISO-8601 dates). Int64 values travel as strings in both, as the service sent them.
 */
public final class ODataWriter implements EntityWriter {
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

    /** Sets whose entities hold collections of complex values: a payload of OData version 3. */
    private static final Set<String> VERSION_3 = Set.of("Jobs", "Tasks");

    private final boolean verbose;
    private final String root;
    private final boolean clientReadsVersion3;

    public ODataWriter(boolean verbose, String root) {
        this(verbose, root, true);
    }

    /** {@code clientReadsVersion3}: the request's MaxDataServiceVersion (or DataServiceVersion) is 3.0 or more. */
    public ODataWriter(boolean verbose, String root, boolean clientReadsVersion3) {
        this.verbose = verbose;
        this.root = root;
        this.clientReadsVersion3 = clientReadsVersion3;
    }

    /**
     * JSON verbose answers of version 3 (jobs and tasks, with their collections) wrote ISO dates; version 1
     * answers (assets, files, locators, policies) wrote {@code \/Date(ms)\/}, as the documentation's samples show.
     */
    private boolean isoDates(String set) {
        return !verbose || VERSION_3.contains(set) && clientReadsVersion3;
    }

    @Override
    public String dataServiceVersion(String set) {
        return verbose && !isoDates(set) ? "1.0;" : "3.0;";
    }

    public boolean verbose() {
        return verbose;
    }

    public String contentType() {
        return verbose ? "application/json;odata=verbose;charset=utf-8"
                : "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
    }

    @Override
    public String entityContentType() {
        return contentType();
    }

    @Override
    public String collectionContentType() {
        return contentType();
    }

    @Override
    public String errorContentType() {
        return contentType();
    }

    @Override
    public String collection(String set, List<ObjectNode> entities, Long count) {
        ObjectNode out = JSON.createObjectNode();
        if (verbose) {
            ObjectNode d = out.putObject("d");
            ArrayNode results = d.putArray("results");
            entities.forEach(e -> results.add(shape(set, e)));
            if (count != null) {
                d.put("__count", String.valueOf(count));
            }
        } else {
            out.put("odata.metadata", root + "$metadata#" + set);
            if (count != null) {
                out.put("odata.count", String.valueOf(count));
            }
            ArrayNode value = out.putArray("value");
            entities.forEach(e -> value.add(shape(set, e)));
        }
        return serialize(out);
    }

    @Override
    public String property(String name, JsonNode value) {
        ObjectNode out = JSON.createObjectNode();
        JsonNode shaped = DATES.contains(name) && value.isTextual() && verbose
                ? JSON.getNodeFactory().textNode("/Date(" + Instant.parse(value.asText()).toEpochMilli() + ")/") : value;
        if (verbose) {
            out.putObject("d").set(name, shaped);
        } else {
            out.put("odata.metadata", root + "$metadata#" + EdmTypes.of(name)).set("value", shaped);
        }
        return serialize(out);
    }

    @Override
    public String links(String set, String navigation, List<String> uris, boolean single) {
        ObjectNode out = JSON.createObjectNode();
        String key = verbose ? "uri" : "url";
        if (verbose) {
            ObjectNode d = out.putObject("d");
            if (single && !uris.isEmpty()) {
                d.put(key, uris.get(0));
            } else {
                ArrayNode results = d.putArray("results");
                uris.forEach(u -> results.addObject().put(key, u));
            }
        } else {
            out.put("odata.metadata", root + "$metadata#" + set + "/$links/" + navigation + (single ? "/@Element" : ""));
            if (single && !uris.isEmpty()) {
                out.put(key, uris.get(0));
            } else {
                ArrayNode value = out.putArray("value");
                uris.forEach(u -> value.addObject().put(key, u));
            }
        }
        return serialize(out);
    }

    @Override
    public String linksContentType() {
        return contentType();
    }

    @Override
    public String propertyContentType() {
        return contentType();
    }

    @Override
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

    @Override
    public String error(String code, String message) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode err = out.putObject(verbose ? "error" : "odata.error");
        err.put("code", code);
        err.putObject("message").put("lang", "en-US").put("value", message);
        return serialize(out);
    }

    private ObjectNode shape(String set, ObjectNode entity) {
        ObjectNode out = JSON.createObjectNode();
        String uri = root + EntityWriter.keyPath(set, entity.path("Id").asText());
        if (verbose) {
            out.putObject("__metadata").put("id", uri).put("uri", uri)
                    .put("type", "Microsoft.Cloud.Media.Vod.Rest.Data.Models." + TYPES.getOrDefault(set, set));
        }
        JsonNode expanded = entity.path(Expand.FIELD);
        Set<String> selected = selected(entity);
        for (String nav : NAVIGATION.getOrDefault(set, List.of())) {
            if (selected != null && !selected.contains(nav)) {
                continue;
            }
            JsonNode inline = expanded.get(nav);
            if (inline != null) {
                // $expand: the related entities inline instead of a deferred link
                String target = inline.path("set").asText();
                List<JsonNode> shaped = new ArrayList<>();
                inline.path("entities").forEach(e -> shaped.add(shape(target, (ObjectNode) e)));
                if (inline.path("single").asBoolean()) {
                    out.set(nav, shaped.isEmpty() ? NullNode.getInstance() : shaped.get(0));
                } else if (verbose) {
                    out.putObject(nav).putArray("results").addAll(shaped);
                } else {
                    out.putArray(nav).addAll(shaped);
                }
            } else if (verbose) {
                out.putObject(nav).putObject("__deferred").put("uri", uri + "/" + nav);
            }
        }
        entity.fields().forEachRemaining(f -> {
            if (f.getKey().startsWith("_") || selected != null && !selected.contains(f.getKey())) {
                return; // emulator-private fields, and what $select left out
            }
            JsonNode v = f.getValue();
            if (DATES.contains(f.getKey()) && v.isTextual()) {
                Instant t = Instant.parse(v.asText());
                out.put(f.getKey(), isoDates(set) ? isoDate(t) : "/Date(" + t.toEpochMilli() + ")/");
            } else if (v.isArray() && verbose) {
                ObjectNode collection = out.putObject(f.getKey());
                String element = EdmTypes.COLLECTIONS.get(f.getKey());
                if (element != null) {
                    // a collection of complex values names its type, as the documentation's Job answer shows
                    collection.putObject("__metadata").put("type", "Collection(" + element + ")");
                }
                collection.set("results", v);
            } else if (f.getKey().equals("RunningDuration") && v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
                // the samples show a new job's "RunningDuration":0 (while a policy's DurationInMinutes reads 440.0)
                out.put(f.getKey(), v.longValue());
            } else {
                out.set(f.getKey(), v);
            }
        });
        return out;
    }

    /** The properties $select named, or null for all of them. */
    private static Set<String> selected(ObjectNode entity) {
        JsonNode s = entity.get(Select.FIELD);
        if (s == null || !s.isArray()) {
            return null;
        }
        Set<String> out = new java.util.HashSet<>();
        s.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** ISO-8601 in UTC with the seven fraction digits of .NET's round-trip form: 2015-01-19T08:04:34.3287057Z. */
    static String isoDate(Instant t) {
        return ISO_7.format(t);
    }

    private static final java.time.format.DateTimeFormatter ISO_7 = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private static String serialize(JsonNode node) {
        try {
            // the service escaped the slashes of its date literals: "\/Date(…)\/"
            return JSON.writeValueAsString(node).replace("\"/Date(", "\"\\/Date(").replace(")/\"", ")\\/\"");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
