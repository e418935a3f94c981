package dev.amsh.datacenter;

/**
 * Access to an asset's container for a while: on v2 a SAS locator (and its policy) to be removed after use, on v3
 * a listContainerSas URL that nothing can revoke but its expiry (or rotating the storage key).
 * {@code revocable} says which; {@code url} holds a signature and is masked in output like every secret.
 */
public record ContainerGrant(String container, String url, String id, boolean revocable) {
}
