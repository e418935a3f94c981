package dev.amsh.ops.library;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.amsh.ops.library.LibraryFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Which asset on b is the replica of which on a, from the two listings alone. */
class AssetPairingTest {
    final Asset s = asset("s1", "movie", null);
    final Locator l = origin("l1", s, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)));
    final String mark = "{\"amshReplicaOf\":\"" + s.id() + "\"}";

    LibrarySnapshot a(Asset... more) {
        List<Asset> assets = new ArrayList<>(List.of(s));
        assets.addAll(List.of(more));
        return LibrarySnapshot.of("a", assets, List.of(l), List.of(file(s, "m.mp4", 1, false)), NOW);
    }

    @Test
    void theReplicaHoldingTheLocatorWinsAndAmshsOwnEmptyDuplicatesAreOfferedForRemoval() {
        Asset holder = asset("r1", s.containerName(), null); // made by the documented procedure: no mark
        Asset emptyOwn = asset("r2", s.containerName(), mark);
        LibrarySnapshot b = LibrarySnapshot.of("b", List.of(emptyOwn, holder), List.of(origin("l1", holder, l.startTime(),
                l.expirationDateTime())), List.of(file(holder, "m.mp4", 1, false)), NOW);
        AssetPairing.Pair p = new AssetPairing(a(), b).pair(s);
        assertEquals(holder, p.target().orElseThrow());
        assertEquals(List.of(emptyOwn), p.emptyDuplicates());
        assertNull(p.conflict());
    }

    @Test
    void aLocatorIdHeldBySomeoneElsesAssetIsAConflictNeverTouched() {
        Asset other = asset("x1", "unrelated", null);
        LibrarySnapshot b = LibrarySnapshot.of("b", List.of(other), List.of(origin("l1", other, null, null)), List.of(), NOW);
        AssetPairing.Pair p = new AssetPairing(a(), b).pair(s);
        assertTrue(p.target().isEmpty());
        assertTrue(p.conflict().contains("not a replica of movie"), p.conflict());
    }

    @Test
    void aReplicaMadeTheOtherWayPairsWithItsSourceAndTheTargetOnlyOnesAreNamed() {
        Asset bOriginal = asset("b1", "only-on-b", null);
        Asset aReplica = asset("ar", bOriginal.containerName(), "{\"amshReplicaOf\":\"" + bOriginal.id() + "\"}");
        Asset orphan = asset("b2", "orphan", "{\"amshReplicaOf\":\"nb:cid:UUID:gone\"}");
        Asset bOnly = asset("b3", "fresh", null);
        Asset optedOut = asset("b4", "legal", "{\"replicate\":\"No\"}");
        Locator ar = origin("la", aReplica, null, NOW.plus(Duration.ofDays(1)));
        LibrarySnapshot a = LibrarySnapshot.of("a", List.of(s, aReplica), List.of(l, ar), List.of(), NOW);
        List<Locator> onB = List.of(origin("la", bOriginal, null, NOW.plus(Duration.ofDays(1))),
                origin("o2", orphan, null, NOW.plus(Duration.ofDays(1))), origin("o3", bOnly, null, NOW.plus(Duration.ofDays(1))),
                origin("o4", optedOut, null, NOW.plus(Duration.ofDays(1))));
        LibrarySnapshot b = LibrarySnapshot.of("b", List.of(bOriginal, orphan, bOnly, optedOut), onB, List.of(), NOW);
        AssetPairing pairing = new AssetPairing(a, b);
        assertEquals(bOriginal, pairing.pair(aReplica).target().orElseThrow());
        Set<String> paired = pairing.pairedTargets(a.published());
        List<AssetPairing.Unpaired> alone = pairing.targetOnly(paired);
        assertEquals(List.of("orphan", "fresh"), alone.stream().map(u -> u.asset().name()).toList());
        assertEquals(Drift.Kind.NO_SOURCE, alone.get(0).drift().kind());
        assertEquals(Drift.Kind.ONLY_ON_TARGET, alone.get(1).drift().kind());
        assertTrue(ReplicationRules.optedOut(optedOut));
        assertFalse(ReplicationRules.optedOut(asset("y", "y", "not json")));
    }
}
