package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.storage.StorageGateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assets: a container each, Options as the service knew them, and CreateFileInfos over the container's blobs. */
final class AssetsHandler implements EntitySetHandler {
    private final ApiContext c;
    private final FilesHandler files;
    private final LocatorsHandler locators;

    AssetsHandler(ApiContext c, FilesHandler files, LocatorsHandler locators) {
        this.c = c;
        this.files = files;
        this.locators = locators;
    }

    @Override
    public String set() {
        return "Assets";
    }

    @Override
    public ObjectNode create(JsonNode body) {
        int options = Fields.intField(body, "Options", 0);
        if (options != 0 && options != 1 && options != 2 && options != 4) {
            throw ServiceErrors.badRequest("Options must be one of 0, 1, 2, 4");
        }
        String requestedStorage = Fields.text(body, "StorageAccountName");
        if (requestedStorage != null && !requestedStorage.equals(c.storage().account().name())) {
            throw ServiceErrors.notFound("storage account '" + requestedStorage + "' is not attached to this account");
        }
        String guid = c.ids().get().toString();
        String now = c.now();
        ObjectNode asset = ODataWriter.JSON.createObjectNode()
                .put("Id", "nb:cid:UUID:" + guid).put("State", 0).put("Created", now).put("LastModified", now)
                .put("AlternateId", Fields.text(body, "AlternateId")).put("Name", Fields.text(body, "Name"))
                .put("Options", options).put("FormatOption", Fields.intField(body, "FormatOption", 0))
                .put("StorageAccountName", c.storage().account().name()).put("_container", "asset-" + guid);
        c.storage().createContainer("asset-" + guid);
        c.store().put("Assets", asset);
        return asset;
    }

    @Override
    public void merge(ObjectNode entity, JsonNode body) {
        Fields.rejectChangedReadOnly(body, entity, "Id", "Uri", "Options", "Created", "State");
        for (String f : List.of("Name", "AlternateId")) {
            if (body.has(f)) {
                entity.set(f, body.get(f));
            }
        }
    }

    @Override
    public void delete(ObjectNode entity) {
        String id = entity.get("Id").asText();
        EntityStore store = c.store();
        store.find("Locators", l -> id.equals(l.path("AssetId").asText())).forEach(locators::remove);
        store.removeWhere("Files", f -> id.equals(f.path("ParentAssetId").asText()));
        c.storage().deleteContainer(entity.path("_container").asText());
        store.remove("Assets", id);
        if (!store.find("Jobs", j -> true).isEmpty()) {
            store.touched();
        }
    }

    @Override
    public ObjectNode decorate(ObjectNode stored) {
        ObjectNode n = stored.deepCopy();
        n.put("Uri", c.storage().containerUrl(stored.path("_container").asText()));
        return n;
    }

    @Override
    public Related navigate(ObjectNode entity, String navigation) {
        String id = entity.get("Id").asText();
        return switch (navigation) {
            case "Files" -> new Related("Files", c.store().find("Files", f -> id.equals(f.path("ParentAssetId").asText())), false);
            case "Locators" -> new Related("Locators", c.store().find("Locators", l -> id.equals(l.path("AssetId").asText())), false);
            case "ParentAssets" -> new Related("Assets", parents(entity), false);
            case "ContentKeys", "DeliveryPolicies" -> new Related(navigation, List.of(), false);
            default -> EntitySetHandler.super.navigate(entity, navigation);
        };
    }

    private List<ObjectNode> parents(ObjectNode asset) {
        List<ObjectNode> out = new ArrayList<>();
        asset.path("_ParentAssetIds").forEach(id -> c.store().get("Assets", id.asText()).ifPresent(out::add));
        return out;
    }

    /** {@code POST Assets('…')/$links/ParentAssets} with the parent's URI. */
    void linkParent(ObjectNode asset, String uri) {
        String parent = EntityKeys.assetIn(uri).orElseThrow(() -> ServiceErrors.badRequest(
                "a $links body names the parent as {\"uri\": \"…/Assets('nb:cid:UUID:…')\"}"));
        c.store().get("Assets", parent).orElseThrow(() -> ServiceErrors.notFound("asset " + parent + " does not exist"));
        ArrayNode parents = asset.has("_ParentAssetIds") ? (ArrayNode) asset.get("_ParentAssetIds") : asset.putArray("_ParentAssetIds");
        for (JsonNode p : parents) {
            if (p.asText().equals(parent)) {
                return;
            }
        }
        parents.add(parent);
    }

    /** {@code CreateFileInfos}: a file per top-level blob the asset lacks one for, and sizes brought up to date. */
    void createFileInfos(String rawId) {
        if (rawId == null) {
            throw ServiceErrors.badRequest("CreateFileInfos needs assetid='<asset id>'");
        }
        String id = EntityKeys.normalize("cid", rawId);
        ObjectNode asset = c.store().get("Assets", id).orElseThrow(() -> ServiceErrors.notFound("asset " + id + " does not exist"));
        String container = asset.path("_container").asText();
        if (!c.storage().containerExists(container)) {
            throw ServiceErrors.conflict("the asset's container " + container + " is missing");
        }
        Map<String, StorageGateway.Blob> blobs = new LinkedHashMap<>();
        c.storage().list(container).forEach(b -> blobs.put(b.name(), b));
        synchronized (c.store()) {
            for (ObjectNode f : c.store().find("Files", f -> id.equals(f.path("ParentAssetId").asText()))) {
                StorageGateway.Blob b = blobs.remove(f.path("Name").asText());
                if (b != null) {
                    f.put("ContentFileSize", String.valueOf(b.length()));
                }
            }
            for (StorageGateway.Blob b : blobs.values()) {
                if (b.name().contains("/")) {
                    continue; // the service registered top-level blobs only
                }
                files.put(id, b.name(), b.length(), null, false);
            }
            c.store().touched();
        }
    }
}
