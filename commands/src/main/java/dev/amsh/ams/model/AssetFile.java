package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.amsh.ams.model.ODataJson.*;

/** A file registered on an asset (one blob in its container). */
public record AssetFile(String id, String name, long contentFileSize, String parentAssetId, boolean isPrimary,
                        String mimeType, boolean isEncrypted, Instant created, Instant lastModified) {

    public static AssetFile from(JsonNode n) {
        return new AssetFile(text(n, "Id"), text(n, "Name"), int64(n, "ContentFileSize", 0),
                text(n, "ParentAssetId"), bool(n, "IsPrimary"), text(n, "MimeType"), bool(n, "IsEncrypted"),
                date(n, "Created"), date(n, "LastModified"));
    }
}
