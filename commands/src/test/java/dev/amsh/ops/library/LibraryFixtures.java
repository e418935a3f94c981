package dev.amsh.ops.library;

import dev.amsh.datacenter.Capabilities;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Entities for the pure library tests: made in memory, as the listings would return them. */
final class LibraryFixtures {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private LibraryFixtures() {
    }

    static MediaAsset asset(String id, String name, String alternateId) {
        return new MediaAsset("nb:cid:UUID:" + id, name, "asset-" + id, alternateId, false, NOW.minus(Duration.ofDays(1)),
                "Initialized", "None");
    }

    /** A locator whose GUID follows from {@code id}, so two sides' clones of one locator share it. */
    static OriginLocator origin(String id, MediaAsset on, Instant start, Instant end) {
        UUID guid = guid(id);
        return new OriginLocator(guid, "nb:lid:UUID:" + guid, null, on.id(), start, end, null, List.of());
    }

    static UUID guid(String id) {
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
    }

    static MediaFile file(MediaAsset on, String name, long size, boolean primary) {
        return new MediaFile(name, size, primary, "nb:cid:UUID:f-" + on.id().substring(12) + "-" + name);
    }

    /** The files of each asset, as one Files listing groups them. */
    static Map<String, List<MediaFile>> files(MediaAsset on, MediaFile... files) {
        Map<String, List<MediaFile>> out = new HashMap<>();
        out.put(on.id(), List.of(files));
        return out;
    }

    static DatacenterSnapshot v2(String name, List<MediaAsset> assets, List<OriginLocator> locators,
                                 Map<String, List<MediaFile>> files) {
        return DatacenterSnapshot.of(name, Capabilities.V2, null, assets, locators, files, NOW);
    }
}
