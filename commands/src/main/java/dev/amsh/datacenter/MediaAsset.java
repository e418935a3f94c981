package dev.amsh.datacenter;

import java.time.Instant;

/**
 * An asset, whatever API holds it. {@code id} is v2's {@code nb:cid:UUID:…} or v3's {@code assetId}; {@code name}
 * is how v3 addresses it (unique there, free text on v2); {@code state} and {@code options} print as the tables do
 * ({@code Initialized}, {@code None}, {@code StorageEncrypted}).
 */
public record MediaAsset(String id, String name, String container, String alternateId, boolean encrypted,
                         Instant created, String state, String options) {
}
