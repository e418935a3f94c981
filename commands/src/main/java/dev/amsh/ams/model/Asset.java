package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static dev.amsh.ams.model.ODataJson.*;

/**
 * An asset: a blob container in the account's storage, with files and locators. {@code state}, {@code options} and
 * {@code formatOption} hold the names the tables print ({@code Published}, {@code StorageEncrypted},
 * {@code AdaptiveStreaming}); the wire's numbers are read by {@link #from} and written from the {@code OPTION_}
 * codes.
 */
public record Asset(String id, String name, String state, String options, String alternateId, String uri,
                    String storageAccountName, String formatOption, Instant created, Instant lastModified) {

    /** v2's AssetCreationOptions codes, as CreateAsset sends them. */
    public static final int OPTION_NONE = 0;
    public static final int OPTION_STORAGE_ENCRYPTED = 1;

    public static final CodeNames STATES = CodeNames.ordered("Initialized", "Published", "Deleted");
    public static final CodeNames OPTIONS = CodeNames.of(Map.of(OPTION_NONE, "None",
            OPTION_STORAGE_ENCRYPTED, "StorageEncrypted", 2, "CommonEncryptionProtected", 4, "EnvelopeEncryptionProtected"));
    public static final CodeNames FORMAT_OPTIONS = CodeNames.ordered("None", "AdaptiveStreaming");

    public static Asset from(JsonNode n) {
        return new Asset(text(n, "Id"), text(n, "Name"), STATES.name(integer(n, "State", 0)),
                OPTIONS.name(integer(n, "Options", 0)), text(n, "AlternateId"), text(n, "Uri"),
                text(n, "StorageAccountName"), FORMAT_OPTIONS.name(integer(n, "FormatOption", 0)), date(n, "Created"),
                date(n, "LastModified"));
    }

    public boolean storageEncrypted() {
        return OPTIONS.name(OPTION_STORAGE_ENCRYPTED).equals(options);
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
}
