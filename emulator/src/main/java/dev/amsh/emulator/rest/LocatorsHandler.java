package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Locators: at most five per asset, caller-chosen Ids unique, origin locators only with read-only policies and
 * once the asset has files, SAS locators backed by a stored access policy on the container.
 */
final class LocatorsHandler implements EntitySetHandler {
    private final ApiContext c;

    LocatorsHandler(ApiContext c) {
        this.c = c;
    }

    @Override
    public String set() {
        return "Locators";
    }

    @Override
    public ObjectNode create(JsonNode body) {
        String assetId = EntityKeys.normalize("cid", Fields.require(body, "AssetId"));
        String policyId = EntityKeys.normalize("pid", Fields.require(body, "AccessPolicyId"));
        int type = Fields.intField(body, "Type", 0);
        if (type != 1 && type != 2) {
            throw ServiceErrors.badRequest("Type must be 1 (Sas) or 2 (OnDemandOrigin)");
        }
        String id = body.hasNonNull("Id") ? EntityKeys.normalize("lid", body.get("Id").asText()) : "nb:lid:UUID:" + c.ids().get();
        EntityStore store = c.store();
        synchronized (store) {
            if (store.get("Locators", id).isPresent()) {
                throw ServiceErrors.conflict("Locator with Id " + id + " already exists");
            }
            ObjectNode asset = store.get("Assets", assetId)
                    .orElseThrow(() -> ServiceErrors.notFound("AssetId refers to a missing asset"));
            ObjectNode policy = store.get("AccessPolicies", policyId)
                    .orElseThrow(() -> ServiceErrors.notFound("AccessPolicyId refers to a missing access policy"));
            if (store.find("Locators", l -> assetId.equals(l.path("AssetId").asText())).size() >= 5) {
                throw ServiceErrors.conflict("The asset already has 5 locators, the most an asset can have at once");
            }
            int permissions = policy.path("Permissions").asInt();
            if (type == 2) {
                if ((permissions & (2 | 4)) != 0) {
                    throw ServiceErrors.badRequest("an origin locator needs a read-only access policy (no Write or Delete)");
                }
                if (asset.path("Options").asInt() == 1) {
                    throw ServiceErrors.badRequest("the asset is StorageEncrypted: clear streaming is refused without a delivery policy");
                }
                if (store.find("Files", f -> assetId.equals(f.path("ParentAssetId").asText())).isEmpty()) {
                    throw ServiceErrors.badRequest("an origin locator can only be created after files exist in the asset");
                }
            }
            Instant start = body.hasNonNull("StartTime") ? Fields.parseTime(body.get("StartTime").asText()) : null;
            double minutes = policy.path("DurationInMinutes").asDouble();
            Instant expiry = (start == null ? c.clock().instant() : start).plus(Duration.ofMillis(Math.round(minutes * 60_000)));
            String container = asset.path("_container").asText();
            ObjectNode locator = ODataWriter.JSON.createObjectNode().put("Id", id).put("Name", Fields.text(body, "Name"))
                    .put("ExpirationDateTime", expiry.toString()).put("Type", type).put("AccessPolicyId", policyId)
                    .put("AssetId", assetId).put("StartTime", start == null ? null : start.toString())
                    .put("_container", container);
            if (type == 1) {
                // the window travels in the SAS itself (st, se); the stored policy holds the permissions
                c.storage().addPolicy(container, EntityKeys.guidOf(id), sasPermissions(permissions), null, null);
            }
            store.put("Locators", locator);
            if (type == 2) {
                asset.put("State", 1);
                store.touched();
            }
            return locator;
        }
    }

    @Override
    public void merge(ObjectNode entity, JsonNode body) {
        if (entity.path("Type").asInt() == 1) {
            throw ServiceErrors.badRequest("a SAS locator cannot be updated");
        }
        if (body.has("StartTime")) {
            entity.put("StartTime", Fields.parseTime(body.get("StartTime").asText()).toString());
        }
        if (body.has("ExpirationDateTime")) {
            entity.put("ExpirationDateTime", Fields.parseTime(body.get("ExpirationDateTime").asText()).toString());
        }
    }

    @Override
    public void delete(ObjectNode entity) {
        remove(entity);
    }

    /** Removes a locator (and a SAS locator's stored policy); the asset is Published while an origin locator remains. */
    void remove(ObjectNode locator) {
        EntityStore store = c.store();
        if (locator.path("Type").asInt() == 1) {
            c.storage().removePolicy(locator.path("_container").asText(), EntityKeys.guidOf(locator.get("Id").asText()));
        }
        store.remove("Locators", locator.get("Id").asText());
        String assetId = locator.path("AssetId").asText();
        if (store.find("Locators", l -> assetId.equals(l.path("AssetId").asText()) && l.path("Type").asInt() == 2).isEmpty()) {
            store.get("Assets", assetId).ifPresent(a -> a.put("State", 0));
        }
    }

    @Override
    public ObjectNode decorate(ObjectNode stored) {
        ObjectNode n = stored.deepCopy();
        String guid = EntityKeys.guidOf(stored.get("Id").asText());
        if (stored.path("Type").asInt() == 1) {
            String container = stored.path("_container").asText();
            String base = c.storage().containerUrl(container);
            String start = Fields.text(stored, "StartTime");
            String sas = "?" + c.storage().policySas(container, guid,
                    start == null ? null : OffsetDateTime.ofInstant(Instant.parse(start), ZoneOffset.UTC).withNano(0),
                    OffsetDateTime.ofInstant(Instant.parse(stored.path("ExpirationDateTime").asText()), ZoneOffset.UTC).withNano(0));
            n.put("BaseUri", base).put("ContentAccessComponent", sas).put("Path", base + sas);
        } else {
            String base = c.originBase().get();
            n.put("BaseUri", base).put("ContentAccessComponent", guid).put("Path", base + "/" + guid + "/");
        }
        return n;
    }

    @Override
    public Related navigate(ObjectNode entity, String navigation) {
        return switch (navigation) {
            case "AccessPolicy" -> new Related("AccessPolicies", List.of(c.store().get("AccessPolicies",
                    entity.path("AccessPolicyId").asText()).orElseThrow(
                    () -> ServiceErrors.notFound("the locator's access policy no longer exists"))), true);
            case "Asset" -> new Related("Assets", List.of(c.store().get("Assets", entity.path("AssetId").asText()).orElseThrow(
                    () -> ServiceErrors.notFound("the locator's asset no longer exists"))), true);
            default -> EntitySetHandler.super.navigate(entity, navigation);
        };
    }

    /** The origin locator with this GUID, if it is inside its window now. */
    Optional<ObjectNode> activeOrigin(String guid) {
        String id = "nb:lid:UUID:" + guid.toLowerCase(Locale.ROOT);
        return c.store().get("Locators", id).filter(l -> l.path("Type").asInt() == 2).filter(l -> {
            Instant now = c.clock().instant();
            String start = Fields.text(l, "StartTime");
            String end = Fields.text(l, "ExpirationDateTime");
            return (start == null || !now.isBefore(Instant.parse(start))) && (end == null || now.isBefore(Instant.parse(end)));
        });
    }

    private static String sasPermissions(int p) {
        StringBuilder sb = new StringBuilder();
        if ((p & 1) != 0) {
            sb.append('r');
        }
        if ((p & 2) != 0) {
            sb.append('w');
        }
        if ((p & 4) != 0) {
            sb.append('d');
        }
        if ((p & 8) != 0) {
            sb.append('l');
        }
        return sb.toString();
    }
}
