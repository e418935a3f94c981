package dev.amsh.ops.library;

import dev.amsh.datacenter.Capabilities;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
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
    final MediaAsset source = asset("s1", "movie", null);
    final MediaAsset replica = asset("r1", source.container(), "{\"amshReplicaOf\":\"" + source.id() + "\"}");
    final OriginLocator live = origin("l1", source, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));

    DatacenterSnapshot a(OriginLocator... locators) {
        return v2("a", List.of(source), List.of(locators), files(source, file(source, "m.ism", 10, true),
                file(source, "m.mp4", 100, false)));
    }

    DatacenterSnapshot b(List<OriginLocator> locators, boolean primary, String... extraFiles) {
        List<MediaFile> files = new ArrayList<>(List.of(file(replica, "m.ism", 10, primary), file(replica, "m.mp4", 100, false)));
        for (String x : extraFiles) {
            files.add(file(replica, x, 1, false));
        }
        return v2("b", List.of(replica), locators, files(replica, files.toArray(MediaFile[]::new)));
    }

    static BlobEntry blob(String name, long length, String md5) {
        return new BlobEntry(name, length, md5, "BlockBlob", "\"e-" + name + "\"", null, Map.of());
    }

    static List<Drift.Kind> kinds(List<Drift> d) {
        return d.stream().map(Drift::kind).toList();
    }

    static DatacenterExamination examined(AssetPairing.Pair pair, List<Drift> d, List<BlobEntry> src, List<BlobEntry> tgt) {
        return new DatacenterExamination(pair, d, src, tgt, false);
    }

    @Test
    void anIdenticalReplicaHasNoDriftAndItsPlanChangesNothing() {
        OriginLocator clone = origin("l1", replica, live.start(), live.end());
        List<BlobEntry> blobs = List.of(blob("m.ism", 10, "aaa"), blob("m.mp4", 100, "bbb"));
        List<Drift> d = AssetDiff.of(source, replica, a(live), b(List.of(clone), true), blobs, blobs);
        assertEquals(List.of(), d);
        assertTrue(AssetPlan.of(examined(pair(), d, blobs, blobs), true).changesNothing());
    }

    @Test
    void everyKindOfDriftIsNamedAndPlannedOrLeftAsIs() {
        OriginLocator shorter = origin("l1", replica, live.start(), live.end().minus(Duration.ofDays(1)));
        OriginLocator extra = origin("l9", replica, live.start(), live.end());
        OriginLocator second = origin("l2", source, live.start(), live.end());
        List<BlobEntry> src = List.of(blob("m.ism", 10, "aaa"), blob("m.mp4", 100, "bbb"), blob("gone.mp4", 5, "ccc"));
        List<BlobEntry> tgt = List.of(blob("m.ism", 10, "zzz"), blob("m.mp4", 100, "bbb"), blob("stray.txt", 3, null));
        List<Drift> d = AssetDiff.of(source, replica, a(live, second), b(List.of(shorter, extra), false, "stray.txt"), src, tgt);
        assertEquals(List.of(Drift.Kind.WINDOW_DIFFERS, Drift.Kind.MISSING_LOCATOR, Drift.Kind.EXTRA_LOCATOR,
                Drift.Kind.PRIMARY_DIFFERS, Drift.Kind.EXTRA_FILE, Drift.Kind.BLOB_DIFFERS, Drift.Kind.MISSING_BLOB,
                Drift.Kind.EXTRA_BLOB), kinds(d));
        AssetPlan plan = AssetPlan.of(examined(pair(), d, src, tgt), true);
        assertFalse(plan.createTarget());
        assertTrue(plan.copyBlobs());
        assertFalse(plan.register(), "no file is missing: CreateFileInfos is not needed");
        assertTrue(plan.markPrimary());
        assertEquals(List.of(second.guid().toString()), plan.toClone());
        assertEquals(List.of(live.guid().toString()), plan.toAlign());
        assertEquals(3, plan.leftAsIs().size(), "extra locator, file and blob are never removed: " + plan.leftAsIs());
    }

    @Test
    void filesAreComparedOnlyWhereBothKindsRegisterThemAndAV3TargetIsNeverToldToRegister() {
        DatacenterSnapshot v3 = DatacenterSnapshot.of("b", Capabilities.V3, null, List.of(replica),
                List.of(origin("l1", replica, live.start(), live.end())), Map.of(), NOW);
        List<BlobEntry> blobs = List.of(blob("m.ism", 10, "aaa"), blob("m.mp4", 100, "bbb"));
        List<Drift> d = AssetDiff.of(source, replica, a(live), v3, blobs, blobs);
        assertEquals(List.of(), d, "a v3 replica has no registered files to miss");
        List<Drift> missing = List.of(new Drift(Drift.Kind.MISSING_ASSET, null, "no replica on b"));
        AssetPlan plan = AssetPlan.of(examined(new AssetPairing.Pair(source, Optional.empty(), List.of(), null), missing,
                null, null), false);
        assertTrue(plan.createTarget() && plan.copyBlobs());
        assertFalse(plan.register() || plan.markPrimary());
    }

    @Test
    void aWindowIsTheSameToTheSecondAndAStartLeftOutOnOneSideIsNoDifference() {
        OriginLocator noStart = origin("l1", replica, null, live.end().plusMillis(400));
        assertTrue(AssetDiff.sameWindow(live, noStart));
        assertFalse(AssetDiff.sameWindow(live, origin("l1", replica, live.start(), null)), "an end against none differs");
        assertFalse(AssetDiff.sameWindow(live, origin("l1", replica, live.start().plusSeconds(5), live.end())));
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
        OriginLocator expired = origin("old", source, NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2)));
        DatacenterSnapshot a = a(live, expired);
        assertEquals(List.of(live), a.live(source));
        assertTrue(a.isPublished(source));
        List<Drift> missing = List.of(new Drift(Drift.Kind.MISSING_ASSET, null, "no replica on b"),
                new Drift(Drift.Kind.MISSING_LOCATOR, live.guid().toString(), null));
        AssetPlan plan = AssetPlan.of(examined(new AssetPairing.Pair(source, Optional.empty(), List.of(), null), missing,
                null, null), true);
        assertTrue(plan.createTarget() && plan.copyBlobs() && plan.register());
        assertEquals(List.of(live.guid().toString()), plan.toClone());
    }

    AssetPairing.Pair pair() {
        return new AssetPairing.Pair(source, Optional.of(replica), List.of(), null);
    }
}
