package dev.amsh.datacenter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A locator that streams an asset, whatever API holds it: v2's origin locator {@code nb:lid:UUID:G} or a v3
 * streaming locator with {@code streamingLocatorId} G. G is the first path segment of every streaming URL, on
 * both kinds, so a clone with the same G keeps every URL but for the host. {@code id} is how the datacenter
 * names it (v2 Id, v3 locator name); {@code asset} is the asset's v2 Id or v3 name; {@code policy} the v3
 * streaming policy (null on v2); {@code contentKeys} the v3 content key ids, empty when clear.
 */
public record OriginLocator(UUID guid, String id, String name, String asset, Instant start, Instant end,
                            String policy, List<String> contentKeys) {

    public Window window() {
        return new Window(start, end);
    }
}
