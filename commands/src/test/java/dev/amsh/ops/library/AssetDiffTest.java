package dev.amsh.ops.library;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.storage.BlobEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.amsh.ops.library.LibraryFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The drift of one replica against its source, and the plan that follows from it (pure). */
class AssetDiffTest {
    final Asset source = asset("s1", "movie", null);
    final Asset replica = asset("r1", source.containerName(), "{\"amshReplicaOf\":\"" + source.id() + "\"}");
    final Locator live = origin("l1", source, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));

    LibrarySnapshot a(Locator... locators) {
        return LibrarySnapshot.of("a", List.of(source), List.of(locators),
                List.of(file(source, "m.ism", 10, true), file(source, "m.mp4", 100, false)), NOW);
    }

    LibrarySnapshot b(List<Locator> locators, boolean primary, String... extraFiles) {
        List<AssetFile> files = new ArrayList<>(List.of(file(replica, "m.ism", 10, primary),
                file(replica, "m.mp4", 100, false)));
        for (String x : extraFiles) {
            files.add(file(replica, x, 1, false));
        }
        return LibrarySnapshot.of("b", List.of(replica), locators, files, NOW);
    }

    static BlobEntry blob(String name, long length, String md5) {
        return new BlobEntry(name, length, md5, "BlockBlob", "\"e-" + name + "\"", null, Map.of());
    }

    static List<Drift.Kind> kinds(List<Drift> d) {
        return d.stream().map(Drift::kind).toList();
    }

    @Test
    void anIdenticalReplicaHasNoDriftAndItsPlanChangesNothing() {
        Locator clone = origin("l1", replica, live.startTime(), live.expirationDateTime());
        List<BlobEntry> blobs = List.of(blob("m.ism", 10, "aaa"), blob("m.mp4", 100, "bbb"));
        List<Drift> d = AssetDiff.of(source, replica, a(live), b(List.of(clone), true), blobs, blobs);
        assertEquals(List.of(), d);
        assertTrue(AssetPlan.of(new Library.Examined(pair(), d, blobs, blobs, false)).changesNothing());
    }

    @Test
    void everyKindOfDriftIsNamedAndPlannedOrLeftAsIs() {
        Locator shorter = origin("l1", replica, live.startTime(), live.expirationDateTime().minus(Duration.ofDays(1)));
        Locator extra = origin("l9", replica, live.startTime(), live.expirationDateTime());
        Locator second = origin("l2", source, live.startTime(), live.expirationDateTime());
        List<BlobEntry> src = List.of(blob("m.ism", 10, "aaa"), blob("m.mp4", 100, "bbb"), blob("gone.mp4", 5, "ccc"));
        List<BlobEntry> tgt = List.of(blob("m.ism", 10, "zzz"), blob("m.mp4", 100, "bbb"), blob("stray.txt", 3, null));
        List<Drift> d = AssetDiff.of(source, replica, a(live, second), b(List.of(shorter, extra), false, "stray.txt"), src, tgt);
        assertEquals(List.of(Drift.Kind.WINDOW_DIFFERS, Drift.Kind.MISSING_LOCATOR, Drift.Kind.EXTRA_LOCATOR,
                Drift.Kind.PRIMARY_DIFFERS, Drift.Kind.EXTRA_FILE, Drift.Kind.BLOB_DIFFERS, Drift.Kind.MISSING_BLOB,
                Drift.Kind.EXTRA_BLOB), kinds(d));
        AssetPlan plan = AssetPlan.of(new Library.Examined(pair(), d, src, tgt, false));
        assertFalse(plan.createTarget());
        assertTrue(plan.copyBlobs());
        assertFalse(plan.register(), "no file is missing: CreateFileInfos is not needed");
        assertTrue(plan.markPrimary());
        assertEquals(List.of(second.id()), plan.toClone());
        assertEquals(List.of(live.id()), plan.toAlign());
        assertEquals(3, plan.leftAsIs().size(), "extra locator, file and blob are never removed: " + plan.leftAsIs());
    }

    @Test
    void blobsDifferByLengthByMd5OrByTheStampedSourceEtagElseTheyMatch() {
        assertEquals("length 10 vs 11", AssetDiff.differs(blob("x", 10, "a"), blob("x", 11, "a")));
        assertEquals("MD5 differs", AssetDiff.differs(blob("x", 10, "a"), blob("x", 10, "b")));
        BlobEntry stamped = new BlobEntry("x", 10, null, "BlockBlob", null, null, Map.of(BlobEntry.SOURCE_ETAG, "\"old\""));
        assertEquals("source changed since it was copied", AssetDiff.differs(blob("x", 10, null), stamped));
        assertNull(AssetDiff.differs(blob("x", 10, null), blob("x", 10, null)), "no evidence either way: the length decides");
    }

    @Test
    void expiredLocatorsAreNotReplicatedAndAMissingReplicaPlansTheWholeAsset() {
        Locator expired = origin("old", source, NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2)));
        LibrarySnapshot a = a(live, expired);
        assertEquals(List.of(live), a.liveOrigins(source.id()));
        assertTrue(a.isPublished(source));
        List<Drift> missing = List.of(new Drift(Drift.Kind.MISSING_ASSET, null, "no replica on b"),
                new Drift(Drift.Kind.MISSING_LOCATOR, live.id(), null));
        AssetPlan plan = AssetPlan.of(new Library.Examined(new AssetPairing.Pair(source, Optional.empty(), List.of(), null),
                missing, null, null, false));
        assertTrue(plan.createTarget() && plan.copyBlobs() && plan.register());
        assertEquals(List.of(live.id()), plan.toClone());
    }

    AssetPairing.Pair pair() {
        return new AssetPairing.Pair(source, Optional.of(replica), List.of(), null);
    }
}
