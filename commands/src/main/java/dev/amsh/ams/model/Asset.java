package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.amsh.ams.model.ODataJson.*;

/** An asset: a blob container in the account's storage, with files and locators. */
public record Asset(String id, String name, int state, int options, String alternateId, String uri,
                    String storageAccountName, int formatOption, Instant created, Instant lastModified) {

    public static final int OPTION_NONE = 0;
    public static final int OPTION_STORAGE_ENCRYPTED = 1;

    public static Asset from(JsonNode n) {
        return new Asset(text(n, "Id"), text(n, "Name"), integer(n, "State", 0), integer(n, "Options", 0),
                text(n, "AlternateId"), text(n, "Uri"), text(n, "StorageAccountName"),
                integer(n, "FormatOption", 0), date(n, "Created"), date(n, "LastModified"));
    }

    public boolean storageEncrypted() {
        return options == OPTION_STORAGE_ENCRYPTED;
    }

    /**
     * The container name: the last path segment of the asset's Uri (which is {@code <blob endpoint>/<container>}
     * in both host-style and path-style endpoints), or derived from the Id when there is no Uri.
     */
    public String containerName() {
        if (uri != null && uri.contains("/")) {
            String path = uri.replaceFirst("^[a-z]+://[^/]+", "").replaceAll("/+$", "");
            int slash = path.lastIndexOf('/');
            if (slash >= 0 && slash < path.length() - 1) {
                return path.substring(slash + 1);
            }
        }
        return "asset-" + EntityIds.guidOf(id);
    }

    public String stateName() {
        return switch (state) {
            case 0 -> "Initialized";
            case 1 -> "Published";
            case 2 -> "Deleted";
            default -> String.valueOf(state);
        };
    }
}
