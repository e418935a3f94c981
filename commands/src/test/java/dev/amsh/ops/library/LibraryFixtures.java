package dev.amsh.ops.library;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;

import java.time.Duration;
import java.time.Instant;

/** Entities for the pure library tests: made in memory, as the listings would return them. */
final class LibraryFixtures {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private LibraryFixtures() {
    }

    static Asset asset(String id, String name, String alternateId) {
        return new Asset("nb:cid:UUID:" + id, name, "Initialized", "None", alternateId, "http://store/asset-" + id, "store", "None",
                NOW.minus(Duration.ofDays(1)), null);
    }

    static Locator origin(String id, Asset on, Instant start, Instant expiry) {
        return new Locator("nb:lid:UUID:" + id, null, "OnDemandOrigin", on.id(), "nb:pid:UUID:p", start, expiry,
                "http://origin/" + id + "/", null, null);
    }

    static AssetFile file(Asset on, String name, long size, boolean primary) {
        return new AssetFile("nb:cid:UUID:f-" + on.id().substring(12) + "-" + name, name, size, on.id(), primary, null,
                false, null, null);
    }
}
