package dev.amsh.datacenter;

/** What {@code assets ls} asks for: a name glob, a service-side {@code $filter} in the datacenter's own syntax, a limit. */
public record AssetQuery(String glob, String filter, Integer top) {
    public static AssetQuery all() {
        return new AssetQuery(null, null, null);
    }
}
