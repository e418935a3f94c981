package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code …/streamingPolicies}: the predefined clear policies (download only, clear streaming only, both), always
 * there, and custom clear ones ({@code noEncryption.enabledProtocols}) made by PUT, 201 only. Encrypted policies
 * are not emulated: a PUT with one is a 400 that says so.
 */
final class PoliciesResource {
    static final String SET = "streamingPolicies";
    static final Set<String> FIELDS = Set.of("name", "properties/created");
    /** name → enabled protocols: download, dash, hls, smoothStreaming */
    private static final List<Object[]> PREDEFINED = List.of(
            new Object[]{"Predefined_ClearStreamingOnly", false, true, true, true},
            new Object[]{"Predefined_DownloadAndClearStreaming", true, true, true, true},
            new Object[]{"Predefined_DownloadOnly", true, false, false, false});

    private final ArmContext c;

    PoliciesResource(ArmContext c) {
        this.c = c;
    }

    ArmReply handle(ArmRequest r) {
        String name = r.segment(1);
        if (name == null) {
            AssetsResource.requireMethod(r, "GET");
            return ArmReply.of(200, ArmListing.page(r, all(), FIELDS));
        }
        return switch (r.method()) {
            case "GET" -> ArmReply.of(200, find(name).orElseThrow(ArmError::notFound));
            case "PUT" -> put(r, name);
            case "DELETE" -> delete(name);
            default -> throw ArmError.methodNotAllowed(r.method());
        };
    }

    private List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>();
        for (Object[] p : PREDEFINED) {
            out.add(predefined(p));
        }
        c.store().all(SET).forEach(n -> out.add(ArmStore.wire(n)));
        return out;
    }

    Optional<ObjectNode> find(String name) {
        for (Object[] p : PREDEFINED) {
            if (((String) p[0]).equalsIgnoreCase(name)) {
                return Optional.of(predefined(p));
            }
        }
        return c.store().get(SET, ArmStore.key(name)).map(ArmStore::wire);
    }

    /** The protocols a policy enables (its noEncryption block), or empty when there is no such policy. */
    Optional<JsonNode> protocols(String name) {
        return find(name).map(p -> p.path("properties").path("noEncryption").path("enabledProtocols"));
    }

    private ObjectNode predefined(Object[] p) {
        ObjectNode n = ArmJson.object().put("name", (String) p[0]).put("id", c.accountId() + "/streamingPolicies/" + p[0])
                .put("type", ArmContext.PROVIDER + "/streamingPolicies");
        ObjectNode props = n.putObject("properties").put("created", "2018-03-20T00:00:00.0000000Z");
        props.putObject("noEncryption").putObject("enabledProtocols").put("download", (Boolean) p[1])
                .put("dash", (Boolean) p[2]).put("hls", (Boolean) p[3]).put("smoothStreaming", (Boolean) p[4]);
        return n;
    }

    private ArmReply put(ArmRequest r, String name) {
        ArmContext.requireName(name, "streaming policy");
        if (name.toLowerCase(Locale.ROOT).startsWith("predefined_") || find(name).isPresent()) {
            throw ArmError.conflict("Streaming policy '" + name + "' already exists; policies cannot be updated.");
        }
        JsonNode props = r.body().path("properties");
        JsonNode protocols = props.path("noEncryption").path("enabledProtocols");
        if (!protocols.isObject()) {
            throw ArmError.badRequest("Only clear policies are emulated: give properties.noEncryption.enabledProtocols "
                    + "(download, dash, hls, smoothStreaming).");
        }
        ObjectNode n = c.resource(SET, name, "streamingPolicies");
        ObjectNode p = ((ObjectNode) n.get("properties")).put("created", ArmJson.time(c.clock().instant()));
        if (props.has("defaultContentKeyPolicyName")) {
            p.put("defaultContentKeyPolicyName", props.get("defaultContentKeyPolicyName").asText());
        }
        ObjectNode e = p.putObject("noEncryption").putObject("enabledProtocols");
        for (String f : List.of("download", "dash", "hls", "smoothStreaming")) {
            e.put(f, protocols.path(f).asBoolean(false));
        }
        c.store().put(SET, ArmStore.key(name), n);
        return ArmReply.of(201, ArmStore.wire(n));
    }

    private ArmReply delete(String name) {
        if (name.toLowerCase(Locale.ROOT).startsWith("predefined_")) {
            throw ArmError.badRequest("Predefined streaming policies cannot be deleted.");
        }
        return ArmReply.empty(c.store().remove(SET, ArmStore.key(name)) ? 200 : 204);
    }
}
