package dev.amsh.datacenter;

import java.time.Instant;

/**
 * Access to an asset's container for a while: on v2 a SAS locator (and its policy) to be removed after use, on v3
 * a listContainerSas URL that nothing can revoke but its expiry (or rotating the storage key).
 * {@code revocable} says which; {@code url} holds a signature and is masked in output like every secret;
 * {@code asset} is the asset's v2 Id or v3 name; {@code expires} is when the URL stops working (null: not known).
 */
public record ContainerGrant(String container, String url, String id, boolean revocable, String asset, Instant expires) {
}
