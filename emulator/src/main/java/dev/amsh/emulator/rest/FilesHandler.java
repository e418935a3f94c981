package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/** Files (AssetFiles): names the service accepted, one primary file per asset, sizes as Int64 text. */
final class FilesHandler implements EntitySetHandler {
    private static final Pattern NAME_FORBIDDEN = Pattern.compile("[!*'();:@&=+$,/?%#\\[\\]\"]");
    private final ApiContext c;

    FilesHandler(ApiContext c) {
        this.c = c;
    }

    @Override
    public String set() {
        return "Files";
    }

    @Override
    public ObjectNode create(JsonNode body) {
        String parent = EntityKeys.normalize("cid", Fields.require(body, "ParentAssetId"));
        c.store().get("Assets", parent).orElseThrow(() -> ServiceErrors.notFound("ParentAssetId refers to a missing asset"));
        String name = Fields.require(body, "Name");
        validateName(name);
        if (!c.store().find("Files", f -> parent.equals(f.path("ParentAssetId").asText())
                && name.equals(f.path("Name").asText())).isEmpty()) {
            throw ServiceErrors.conflict("a file named '" + name + "' already exists in the asset");
        }
        return put(parent, name, Fields.int64(body, "ContentFileSize"), Fields.text(body, "MimeType"), Fields.bool(body, "IsPrimary"));
    }

    /** A file record for a blob of the asset (CreateFileInfos and the encoder make them this way too). */
    ObjectNode put(String parent, String name, long size, String mimeType, boolean primary) {
        String now = c.now();
        ObjectNode file = ODataWriter.JSON.createObjectNode().put("Id", "nb:cid:UUID:" + c.ids().get())
                .put("Name", name).put("ContentFileSize", String.valueOf(size)).put("ParentAssetId", parent)
                .put("EncryptionVersion", (String) null).put("EncryptionScheme", (String) null)
                .put("IsEncrypted", false).put("EncryptionKeyId", (String) null).put("InitializationVector", (String) null)
                .put("IsPrimary", primary).put("LastModified", now).put("Created", now).put("MimeType", mimeType)
                .put("ContentChecksum", (String) null).put("Options", 0);
        c.store().put("Files", file);
        return file;
    }

    @Override
    public void merge(ObjectNode entity, JsonNode body) {
        Fields.rejectChangedReadOnly(body, entity, "Id", "ParentAssetId", "Created");
        if (body.has("Name")) {
            validateName(body.get("Name").asText());
            entity.set("Name", body.get("Name"));
        }
        if (body.has("IsPrimary")) {
            boolean primary = body.get("IsPrimary").asBoolean() || "true".equalsIgnoreCase(body.get("IsPrimary").asText());
            String parent = entity.path("ParentAssetId").asText();
            String self = entity.path("Id").asText();
            if (primary && !c.store().find("Files", f -> parent.equals(f.path("ParentAssetId").asText())
                    && f.path("IsPrimary").asBoolean() && !self.equals(f.path("Id").asText())).isEmpty()) {
                throw ServiceErrors.conflict("the asset already has a primary file");
            }
            entity.put("IsPrimary", primary);
        }
        if (body.has("MimeType")) {
            entity.set("MimeType", body.get("MimeType"));
        }
        if (body.has("ContentFileSize")) {
            entity.put("ContentFileSize", body.get("ContentFileSize").asText());
        }
    }

    @Override
    public void delete(ObjectNode entity) {
        c.store().remove("Files", entity.get("Id").asText());
    }

    private static void validateName(String name) {
        if (name.length() > 260 || NAME_FORBIDDEN.matcher(name).find() || name.chars().filter(ch -> ch == '.').count() > 1) {
            throw ServiceErrors.badRequest("file name '" + name + "' is invalid: at most 260 characters, one '.', none of !*'();:@&=+$,/?%#[]\"");
        }
    }
}
