package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.common.PublishedLocators;
import dev.amsh.emulator.storage.StorageGateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code …/streamingLocators}: PUT is 201 only (locators are not updatable); a second locator with the same name
 * or the same {@code streamingLocatorId} is a 409 Conflict (a choice: AMS's answer is not documented).
 * Read-only body fields are ignored, as the HA sample sends the source's. listPaths is built from the
 * container's blobs and the policy; the origin serves {@code /{streamingLocatorId}/…} through {@link #active}.
 */
final class LocatorsResource implements PublishedLocators {
    static final String SET = "streamingLocators";
    static final String NO_END = "9999-12-31T23:59:59.9999999Z";
    static final Set<String> FIELDS = Set.of("name", "properties/created", "properties/endtime");

    private final ArmContext c;
    private final PoliciesResource policies;
    private final EndpointsResource endpoints;

    LocatorsResource(ArmContext c, PoliciesResource policies, EndpointsResource endpoints) {
        this.c = c;
        this.policies = policies;
        this.endpoints = endpoints;
    }

    static List<ObjectNode> ofAsset(ArmContext c, String assetName) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode l : c.store().all(SET)) {
            if (l.path("properties").path("assetName").asText().equalsIgnoreCase(assetName)) {
                out.add(l);
            }
        }
        return out;
    }

    ArmReply handle(ArmRequest r) {
        String name = r.segment(1);
        String action = r.segment(2);
        if (name == null) {
            AssetsResource.requireMethod(r, "GET");
            return ArmReply.of(200, ArmListing.page(r, c.store().all(SET).stream().map(ArmStore::wire).toList(), FIELDS));
        }
        if (action == null) {
            return switch (r.method()) {
                case "PUT" -> create(r, name);
                case "GET" -> ArmReply.of(200, ArmStore.wire(find(name)));
                case "DELETE" -> ArmReply.empty(c.store().remove(SET, ArmStore.key(name)) ? 200 : 204);
                default -> throw ArmError.methodNotAllowed(r.method());
            };
        }
        AssetsResource.requireMethod(r, "POST");
        ObjectNode locator = find(name);
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "listpaths" -> ArmReply.of(200, paths(locator));
            case "listcontentkeys" -> ArmReply.of(200, ArmJson.object().set("contentKeys",
                    locator.path("properties").path("contentKeys").deepCopy()));
            default -> throw ArmError.noRoute(r.ex().getRequestURI().getPath());
        };
    }

    private ObjectNode find(String name) {
        return c.store().get(SET, ArmStore.key(name)).orElseThrow(ArmError::notFound);
    }

    private ArmReply create(ArmRequest r, String name) {
        ArmContext.requireName(name, "streaming locator");
        JsonNode props = r.body().path("properties");
        String assetName = AssetsResource.text(props, "assetName");
        String policy = AssetsResource.text(props, "streamingPolicyName");
        if (assetName == null || policy == null) {
            throw ArmError.badRequest("properties.assetName and properties.streamingPolicyName are required.");
        }
        String locatorId = AssetsResource.text(props, "streamingLocatorId");
        if (locatorId != null) {
            try {
                locatorId = UUID.fromString(locatorId).toString();
            } catch (IllegalArgumentException e) {
                throw ArmError.badRequest("streamingLocatorId '" + locatorId + "' is not a GUID.");
            }
        }
        Instant start = time(props, "startTime");
        Instant end = time(props, "endTime");
        if (start != null && end != null && !end.isAfter(start)) {
            throw ArmError.badRequest("endTime must be after startTime.");
        }
        synchronized (c.store().lock()) {
            if (c.store().get(SET, ArmStore.key(name)).isPresent()) {
                throw ArmError.conflict("Streaming locator '" + name + "' already exists; streaming locators cannot be updated.");
            }
            ObjectNode asset = c.store().get(AssetsResource.SET, ArmStore.key(assetName))
                    .orElseThrow(() -> ArmError.badRequest("The asset '" + assetName + "' does not exist."));
            if (policies.find(policy).isEmpty()) {
                throw ArmError.badRequest("The streaming policy '" + policy + "' does not exist.");
            }
            String id = locatorId != null ? locatorId : c.ids().get().toString();
            if (byLocatorId(id).isPresent()) {
                throw ArmError.conflict("A streaming locator with streamingLocatorId '" + id + "' already exists.");
            }
            ObjectNode l = c.resource(SET, name, "streamingLocators");
            ObjectNode p = (ObjectNode) l.get("properties");
            p.put("assetName", asset.path("name").asText()).put("created", ArmJson.time(c.clock().instant()));
            if (start != null) {
                p.put("startTime", ArmJson.time(start));
            }
            p.put("endTime", end != null ? ArmJson.time(end) : NO_END).put("streamingLocatorId", id)
                    .put("streamingPolicyName", policies.find(policy).get().path("name").asText());
            if (props.hasNonNull("defaultContentKeyPolicyName")) {
                p.put("defaultContentKeyPolicyName", props.get("defaultContentKeyPolicyName").asText());
            }
            p.set("contentKeys", props.path("contentKeys").isArray() ? props.get("contentKeys").deepCopy() : ArmJson.JSON.createArrayNode());
            if (props.hasNonNull("alternativeMediaId")) {
                p.put("alternativeMediaId", props.get("alternativeMediaId").asText());
            }
            p.set("filters", props.path("filters").isArray() ? props.get("filters").deepCopy() : ArmJson.JSON.createArrayNode());
            c.store().put(SET, ArmStore.key(name), l);
            return ArmReply.of(201, ArmStore.wire(l));
        }
    }

    private static Instant time(JsonNode props, String field) {
        String s = AssetsResource.text(props, field);
        if (s == null) {
            return null;
        }
        Instant t = ArmFilter.instant(s);
        if (t == null) {
            throw ArmError.badRequest(field + " '" + s + "' is not an ISO 8601 time.");
        }
        return t;
    }

    private Optional<ObjectNode> byLocatorId(String id) {
        for (ObjectNode l : c.store().all(SET)) {
            if (l.path("properties").path("streamingLocatorId").asText().equalsIgnoreCase(id)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private ObjectNode paths(ObjectNode locator) {
        JsonNode p = locator.path("properties");
        String id = p.path("streamingLocatorId").asText();
        JsonNode enabled = policies.protocols(p.path("streamingPolicyName").asText()).orElse(ArmJson.object());
        String container = c.store().get(AssetsResource.SET, ArmStore.key(p.path("assetName").asText()))
                .map(a -> a.path("properties").path("container").asText()).orElse(null);
        List<StorageGateway.Blob> blobs = container == null || !c.storage().containerExists(container)
                ? List.of() : c.storage().list(container);
        String ism = blobs.stream().map(StorageGateway.Blob::name).filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".ism"))
                .findFirst().orElse(null);
        ObjectNode out = ArmJson.object();
        ArrayNode streaming = out.putArray("streamingPaths");
        if (ism != null) {
            String manifest = "/" + id + "/" + encode(ism) + "/manifest";
            if (enabled.path("hls").asBoolean()) {
                protocol(streaming, "Hls", manifest + "(format=m3u8-aapl)", manifest + "(format=m3u8-cmaf)");
            }
            if (enabled.path("dash").asBoolean()) {
                protocol(streaming, "Dash", manifest + "(format=mpd-time-csf)", manifest + "(format=mpd-time-cmaf)");
            }
            if (enabled.path("smoothStreaming").asBoolean()) {
                protocol(streaming, "SmoothStreaming", manifest);
            }
        }
        ArrayNode downloads = out.putArray("downloadPaths");
        if (enabled.path("download").asBoolean()) {
            for (StorageGateway.Blob b : blobs) {
                String lower = b.name().toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".ism") && !lower.endsWith(".ismc") && !lower.endsWith("_manifest.xml")
                        && !lower.endsWith("_metadata.xml")) {
                    downloads.add("/" + id + "/" + encode(b.name()));
                }
            }
        }
        return out;
    }

    private static void protocol(ArrayNode into, String name, String... paths) {
        ObjectNode n = into.addObject().put("streamingProtocol", name).put("encryptionScheme", "NoEncryption");
        ArrayNode list = n.putArray("paths");
        for (String s : paths) {
            list.add(s);
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Optional<Published> active(String guid) {
        Instant now = c.clock().instant();
        return byLocatorId(guid).filter(l -> {
            JsonNode p = l.path("properties");
            Instant start = ArmFilter.instant(AssetsResource.text(p, "startTime"));
            Instant end = ArmFilter.instant(AssetsResource.text(p, "endTime"));
            return (start == null || !now.isBefore(start)) && (end == null || now.isBefore(end));
        }).flatMap(l -> c.store().get(AssetsResource.SET, ArmStore.key(l.path("properties").path("assetName").asText())))
                .map(a -> new Published(a.path("properties").path("container").asText()));
    }

    @Override
    public Optional<String> notServing() {
        return endpoints.notServing();
    }
}
