package dev.amsh.ops.library;

import dev.amsh.datacenter.Capabilities;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.amsh.ops.library.LibraryFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Which asset on b is the replica of which on a, from the two listings alone. */
class AssetPairingTest {
    final MediaAsset s = asset("s1", "movie", null);
    final OriginLocator l = origin("l1", s, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)));
    final String mark = "{\"amshReplicaOf\":\"" + s.id() + "\"}";

    DatacenterSnapshot a(MediaAsset... more) {
        List<MediaAsset> assets = new ArrayList<>(List.of(s));
        assets.addAll(List.of(more));
        return v2("a", assets, List.of(l), files(s, file(s, "m.mp4", 1, false)));
    }

    @Test
    void theReplicaHoldingTheLocatorWinsAndAmshsOwnEmptyDuplicatesAreOfferedForRemoval() {
        MediaAsset holder = asset("r1", s.container(), null); // made by the documented procedure: no mark
        MediaAsset emptyOwn = asset("r2", s.container(), mark);
        DatacenterSnapshot b = v2("b", List.of(emptyOwn, holder), List.of(origin("l1", holder, l.start(), l.end())),
                files(holder, file(holder, "m.mp4", 1, false)));
        AssetPairing.Pair p = new AssetPairing(a(), b).pair(s);
        assertEquals(holder, p.target().orElseThrow());
        assertEquals(List.of(emptyOwn), p.emptyDuplicates());
        assertNull(p.conflict());
    }

    @Test
    void onAKindThatRegistersNoFilesNoReplicaIsCalledEmptyAndNoneIsOfferedForRemoval() {
        MediaAsset holder = asset("r1", s.container(), null);
        MediaAsset own = asset("r2", s.container(), mark);
        DatacenterSnapshot b = DatacenterSnapshot.of("b", Capabilities.V3, null, List.of(own, holder),
                List.of(origin("l1", holder, l.start(), l.end())), Map.of(), NOW);
        AssetPairing.Pair p = new AssetPairing(a(), b).pair(s);
        assertEquals(holder, p.target().orElseThrow());
        assertEquals(List.of(), p.emptyDuplicates(), "its blobs are not in the snapshot: it may hold some");
    }

    @Test
    void aLocatorGuidHeldBySomeoneElsesAssetIsAConflictNeverTouched() {
        MediaAsset other = asset("x1", "unrelated", null);
        DatacenterSnapshot b = v2("b", List.of(other), List.of(origin("l1", other, null, null)), Map.of());
        AssetPairing.Pair p = new AssetPairing(a(), b).pair(s);
        assertTrue(p.target().isEmpty());
        assertTrue(p.conflict().contains("not a replica of movie"), p.conflict());
    }

    @Test
    void aReplicaMadeTheOtherWayPairsWithItsSourceAndTheTargetOnlyOnesAreNamed() {
        MediaAsset bOriginal = asset("b1", "only-on-b", null);
        MediaAsset aReplica = asset("ar", bOriginal.container(), "{\"amshReplicaOf\":\"" + bOriginal.id() + "\"}");
        MediaAsset orphan = asset("b2", "orphan", "{\"amshReplicaOf\":\"nb:cid:UUID:gone\"}");
        MediaAsset bOnly = asset("b3", "fresh", null);
        MediaAsset optedOut = asset("b4", "legal", "{\"replicate\":\"No\"}");
        OriginLocator ar = origin("la", aReplica, null, NOW.plus(Duration.ofDays(1)));
        DatacenterSnapshot a = v2("a", List.of(s, aReplica), List.of(l, ar), Map.of());
        List<OriginLocator> onB = List.of(origin("la", bOriginal, null, NOW.plus(Duration.ofDays(1))),
                origin("o2", orphan, null, NOW.plus(Duration.ofDays(1))), origin("o3", bOnly, null, NOW.plus(Duration.ofDays(1))),
                origin("o4", optedOut, null, NOW.plus(Duration.ofDays(1))));
        DatacenterSnapshot b = v2("b", List.of(bOriginal, orphan, bOnly, optedOut), onB, Map.of());
        AssetPairing pairing = new AssetPairing(a, b);
        assertEquals(bOriginal, pairing.pair(aReplica).target().orElseThrow());
        Set<String> paired = pairing.pairedTargets(a.published());
        List<AssetPairing.Unpaired> alone = pairing.targetOnly(paired);
        assertEquals(List.of("orphan", "fresh"), alone.stream().map(u -> u.asset().name()).toList());
        assertEquals(Drift.Kind.NO_SOURCE, alone.get(0).drift().kind());
        assertEquals(Drift.Kind.ONLY_ON_TARGET, alone.get(1).drift().kind());
        assertTrue(ReplicationRules.optedOut(optedOut.alternateId()));
        assertFalse(ReplicationRules.optedOut("not json"));
    }

    @Test
    void aV3LocatorNamesItsAssetByNameAndStillPairs() {
        MediaAsset v3 = new MediaAsset("9f1c2d3e-0000-4000-8000-000000000001", s.container(), "asset-x", mark, false, NOW,
                null, null);
        OriginLocator byName = new OriginLocator(l.guid(), "movie-loc", "movie-loc", v3.name(), l.start(), l.end(),
                "Predefined_ClearStreamingOnly", List.of());
        DatacenterSnapshot b = DatacenterSnapshot.of("b", Capabilities.V3, null, List.of(v3), List.of(byName), Map.of(), NOW);
        AssetPairing.Pair p = new AssetPairing(a(), b).pair(s);
        assertEquals(v3, p.target().orElseThrow());
        assertNull(p.conflict());
        assertEquals(List.of(), AssetDiff.locators(s, v3, a(), b), "the same GUID and window: no drift");
    }
}
