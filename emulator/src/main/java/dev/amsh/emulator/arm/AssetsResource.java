package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code …/assets}: PUT 201 new / 200 existing (a 201 without a caller's container has no {@code container},
 * as AMS answered; the default container is {@code asset-{assetId}}), GET, PATCH, DELETE, list, and the actions
 * listContainerSas (Azurite container SAS URLs), listStreamingLocators and getEncryptionKey.
 */
final class AssetsResource {
    static final String SET = "assets";
    static final Set<String> FIELDS = Set.of("name", "properties/created", "properties/alternateid",
            "properties/assetid", "properties/lastmodified");

    private final ArmContext c;

    AssetsResource(ArmContext c) {
        this.c = c;
    }

    ArmReply handle(ArmRequest r) {
        String name = r.segment(1);
        String action = r.segment(2);
        if (name == null) {
            requireMethod(r, "GET");
            return ArmReply.of(200, ArmListing.page(r, c.store().all(SET).stream().map(ArmStore::wire).toList(), FIELDS));
        }
        if (action == null) {
            return switch (r.method()) {
                case "PUT" -> put(r, name);
                case "GET" -> ArmReply.of(200, ArmStore.wire(find(name)));
                case "PATCH" -> patch(r, name);
                case "DELETE" -> delete(name);
                default -> throw ArmError.methodNotAllowed(r.method());
            };
        }
        requireMethod(r, "POST");
        ObjectNode asset = find(name);
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "listcontainersas" -> ArmReply.of(200, containerSas(r, asset));
            case "liststreaminglocators" -> ArmReply.of(200, locatorsOf(asset.path("name").asText()));
            case "getencryptionkey" -> throw ArmError.badRequest("The asset '" + name
                    + "' is not storage-encrypted (storageEncryptionFormat None): it has no encryption key.");
            default -> throw ArmError.noRoute(r.ex().getRequestURI().getPath());
        };
    }

    static void requireMethod(ArmRequest r, String method) {
        if (!r.method().equals(method)) {
            throw ArmError.methodNotAllowed(r.method());
        }
    }

    ObjectNode find(String name) {
        return c.store().get(SET, ArmStore.key(name)).orElseThrow(ArmError::notFound);
    }

    private ArmReply put(ArmRequest r, String name) {
        ArmContext.requireName(name, "asset");
        JsonNode props = r.body().path("properties");
        synchronized (c.store().lock()) {
            var existing = c.store().get(SET, ArmStore.key(name));
            if (existing.isPresent()) {
                ObjectNode a = existing.get();
                apply(a, props);
                c.modified(a);
                c.store().touched();
                return ArmReply.of(200, ArmStore.wire(a));
            }
            String account = text(props, "storageAccountName");
            if (account != null && !account.equalsIgnoreCase(c.spec().storageAccount())) {
                throw ArmError.badRequest("The storage account '" + account + "' is not attached to this account; use '"
                        + c.spec().storageAccount() + "' or leave storageAccountName out.");
            }
            String assetId = c.ids().get().toString();
            String given = text(props, "container");
            String container = given != null ? given : "asset-" + assetId;
            if (!container.matches("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]")) {
                throw ArmError.badRequest("The container name '" + container + "' is not a valid blob container name.");
            }
            ObjectNode a = c.resource(SET, name, "assets");
            String now = ArmJson.time(c.clock().instant());
            ObjectNode p = (ObjectNode) a.get("properties");
            p.put("assetId", assetId).put("created", now).put("lastModified", now);
            apply(a, props);
            p.put("container", container).put("storageAccountName", c.spec().storageAccount())
                    .put("storageEncryptionFormat", "None");
            c.storage().createContainer(container);
            c.store().put(SET, ArmStore.key(name), a);
            ObjectNode answer = ArmStore.wire(a);
            if (given == null) {
                // AMS's 201 leaves out a container it chose; a GET shows it
                ((ObjectNode) answer.get("properties")).remove("container");
            }
            return ArmReply.of(201, answer);
        }
    }

    private static void apply(ObjectNode asset, JsonNode props) {
        ObjectNode p = (ObjectNode) asset.get("properties");
        for (String f : List.of("description", "alternateId", "encryptionScope")) {
            if (props.has(f)) {
                if (props.get(f).isNull()) {
                    p.remove(f);
                } else {
                    p.put(f, props.get(f).asText());
                }
            }
        }
    }

    private ArmReply patch(ArmRequest r, String name) {
        synchronized (c.store().lock()) {
            ObjectNode a = find(name);
            apply(a, r.body().path("properties"));
            c.modified(a);
            c.store().touched();
            return ArmReply.of(200, ArmStore.wire(a));
        }
    }

    private ArmReply delete(String name) {
        synchronized (c.store().lock()) {
            var a = c.store().get(SET, ArmStore.key(name));
            if (a.isEmpty()) {
                return ArmReply.empty(204);
            }
            // the asset's streaming locators go with it, as AMS deleted them
            for (ObjectNode l : LocatorsResource.ofAsset(c, a.get().path("name").asText())) {
                c.store().remove(LocatorsResource.SET, ArmStore.key(l.path("name").asText()));
            }
            c.store().remove(SET, ArmStore.key(name));
            c.storage().deleteContainer(a.get().path("properties").path("container").asText());
            return ArmReply.empty(200);
        }
    }

    private ObjectNode containerSas(ArmRequest r, ObjectNode asset) {
        String permissions = text(r.body(), "permissions");
        String sp = switch (permissions == null ? "" : permissions.toLowerCase(Locale.ROOT)) {
            case "read" -> "rl";
            case "readwrite" -> "rwl";
            case "readwritedelete" -> "rwdl";
            default -> throw ArmError.badRequest("permissions must be Read, ReadWrite or ReadWriteDelete, not '"
                    + permissions + "'.");
        };
        String expiry = text(r.body(), "expiryTime");
        Instant until = expiry == null ? null : ArmFilter.instant(expiry);
        Instant now = c.clock().instant();
        if (until == null) {
            throw ArmError.badRequest("expiryTime is required: an ISO 8601 time less than 24 hours from now.");
        }
        if (!until.isAfter(now) || !until.isBefore(now.plus(Duration.ofHours(24)))) {
            throw ArmError.badRequest("The expiry time must be in the future and less than 24 hours from the current time.");
        }
        String container = asset.path("properties").path("container").asText();
        String base = c.storage().containerUrl(container);
        OffsetDateTime se = OffsetDateTime.ofInstant(until, ZoneOffset.UTC).withNano(0);
        ObjectNode out = ArmJson.object();
        ArrayNode urls = out.putArray("assetContainerSasUrls");
        // AMS gave one URL per storage key; the emulated account has one key, so the second differs by its start
        urls.add(base + "?" + c.storage().containerSas(container, sp, null, se));
        urls.add(base + "?" + c.storage().containerSas(container, sp,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC).withNano(0).minusMinutes(5), se));
        return out;
    }

    private ObjectNode locatorsOf(String assetName) {
        ObjectNode out = ArmJson.object();
        ArrayNode list = out.putArray("streamingLocators");
        for (ObjectNode l : LocatorsResource.ofAsset(c, assetName)) {
            JsonNode p = l.path("properties");
            ObjectNode e = list.addObject().put("name", l.path("name").asText()).put("assetName", assetName)
                    .put("created", p.path("created").asText());
            if (p.has("startTime")) {
                e.put("startTime", p.path("startTime").asText());
            }
            e.put("endTime", p.path("endTime").asText()).put("streamingLocatorId", p.path("streamingLocatorId").asText())
                    .put("streamingPolicyName", p.path("streamingPolicyName").asText());
            if (p.has("defaultContentKeyPolicyName")) {
                e.put("defaultContentKeyPolicyName", p.path("defaultContentKeyPolicyName").asText());
            }
        }
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
