package dev.amsh.datacenter;

import java.time.Instant;

/**
 * An asset, whatever API holds it. {@code id} is v2's {@code nb:cid:UUID:…} or v3's {@code assetId}; {@code name}
 * is how v3 addresses it (unique there, free text on v2); {@code state} and {@code options} print as the tables do
 * ({@code Initialized}, {@code None}, {@code StorageEncrypted}); {@code storageAccount} is the storage account that
 * holds the container (v2 StorageAccountName, v3 storageAccountName). The same fields on both kinds, so a runbook
 * reads {@code asset.container} whichever it runs on.
 */
public record MediaAsset(String id, String name, String container, String alternateId, boolean encrypted,
                         Instant created, String state, String options, String storageAccount, Instant lastModified) {

    /** A new record with these fields and no account or change time: what tests and fixtures make. */
    public MediaAsset(String id, String name, String container, String alternateId, boolean encrypted, Instant created,
                      String state, String options) {
        this(id, name, container, alternateId, encrypted, created, state, options, null, null);
    }
}
