package dev.amsh.datacenter;

/** A file of an asset: a registered AssetFile on v2, a blob of the asset's container on v3. */
public record MediaFile(String name, long size, boolean primary, String id) {
}
