package dev.amsh.ops.library;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.PairContexts;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.storage.CopyCancellation;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** replicate and compare over a library of 50 published assets on the local pair, both ways, with planted drift. */
@ExtendWith(LocalPairExtension.class)
class ReplicateLocalPairTest {
    LocalPair pair;
    AccountContext a;
    AccountContext b;
    String prefix;

    @BeforeEach
    void contexts(LocalPair pair) {
        this.pair = pair;
        PairContexts pc = new PairContexts(pair);
        a = pc.contexts.get("a");
        b = pc.contexts.get("b");
        prefix = "rp" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    @AfterEach
    void faultsOff() {
        pair.faults().set(FaultPlan.OFF);
    }

    static final Replicate.Listener QUIET = new Replicate.Listener() {
        @Override
        public void progress(ReplicationProgress p) {
        }

        @Override
        public void finished(AssetOutcome outcome) {
        }
    };

    ReplicateOptions options(boolean bothWays) {
        ReplicateOptions d = ReplicateOptions.defaults();
        return new ReplicateOptions(new Selection(List.of(), prefix + "*", null), bothWays, d.concurrency(), 0, false, d.copy());
    }

    ReplicateReport replicate(boolean bothWays) {
        return new Replicate(Clock.systemUTC()).run(a, b, options(bothWays), null, Set.of(), QUIET, new CopyCancellation());
    }

    CompareReport compare(AccountContext from, AccountContext to) {
        return new Compare(Clock.systemUTC(), new OkHttpClient())
                .run(from, to, new Compare.Options(new Selection(List.of(), prefix + "*", null), false, false, 16));
    }

    /** Published assets made in parallel: {@code count} with one locator each on {@code on}. */
    List<Asset> make(AccountContext on, String stem, int count, int locators) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Asset>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + stem + i;
                made.add(pool.submit(() -> PublishedAssets.make(on, name, locators)));
            }
            List<Asset> out = new ArrayList<>();
            for (Future<Asset> f : made) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fiftyAssetsBothWaysThenNoWritesThenEveryPlantedDriftIsFoundAndRepaired() throws Exception {
        List<Asset> single = make(a, "one", 44, 1);
        List<Asset> twice = make(a, "two", 3, 2);
        Asset optedOut = make(a, "no", 1, 1).get(0);
        a.ams().updateAsset(optedOut.id(), Map.of("AlternateId", "{\"replicate\":\"No\",\"owner\":\"legal\"}"));
        List<Asset> onlyOnB = make(b, "b", 2, 1);

        ReplicateReport first = replicate(true);
        assertTrue(first.succeeded(), first.summary() + "\n" + failures(first));
        assertEquals(47 + 2, first.count(AssetOutcome.Status.REPLICATED), first.summary());
        assertEquals(1, first.count(AssetOutcome.Status.SKIPPED), first.summary());
        System.out.println("replicate, 50 assets both ways: " + first.summary());
        assertTrue(first.callsPerReplicatedAsset() <= 5.2, "at most 5 Media Services calls per asset (the two-locator"
                + " assets take one more each): " + first.callsPerReplicatedAsset());

        for (Asset s : single.subList(0, 5)) {
            PublishedAssets.assertReplicated(a, b, s);
        }
        for (Asset s : twice) {
            PublishedAssets.assertReplicated(a, b, s);
        }
        PublishedAssets.assertOriginsServeTheSameBytes(a, b, single.get(0));
        for (Asset s : onlyOnB) {
            PublishedAssets.assertReplicated(b, a, s);
        }
        assertTrue(b.ams().listAssets(Query.filter("Name eq '" + optedOut.containerName() + "'")).toList().isEmpty(),
                "the opted-out asset was not replicated");

        CompareReport ab = compare(a, b);
        CompareReport ba = compare(b, a);
        assertTrue(ab.inSync(), ab.summary() + "\n" + lines(ab));
        assertTrue(ba.inSync(), ba.summary() + "\n" + lines(ba));
        assertEquals(1, ab.counts().get(AssetComparison.Status.SKIPPED));

        long writes = pair.faults().writes("a") + pair.faults().writes("b");
        ReplicateReport again = replicate(true);
        assertTrue(again.succeeded(), again.summary());
        assertEquals(0, pair.faults().writes("a") + pair.faults().writes("b") - writes, "a complete library makes no write");
        assertEquals(again.listingCalls(), again.mediaServicesCalls(), "only the listings: " + again.summary());
        assertEquals(0, again.count(AssetOutcome.Status.REPLICATED));

        // drift, one of each kind
        Asset r0 = PublishedAssets.replicaOf(b, single.get(0));
        b.storage().container(r0.containerName()).getBlobClient(single.get(0).name() + "_AACAudio_128.mp4").delete();
        Asset r1 = PublishedAssets.replicaOf(b, single.get(1));
        String video = single.get(1).name() + "_640x360_1150.mp4";
        long length = b.storage().container(r1.containerName()).getBlobClient(video).getProperties().getBlobSize();
        byte[] other = new byte[(int) length];
        Arrays.fill(other, (byte) 7);
        b.storage().container(r1.containerName()).getBlobClient(video).upload(BinaryData.fromBytes(other), true);
        Locator gone = a.ams().listLocatorsOf(single.get(2).id()).stream().filter(Locator::onDemandOrigin).findFirst().orElseThrow();
        b.ams().deleteLocator(gone.id());
        Asset extra = b.ams().createAsset(prefix + "orphan", 0, null, "{\"amshReplicaOf\":\"nb:cid:UUID:" + UUID.randomUUID() + "\"}");
        b.storage().container(extra.containerName()).getBlobClient("x.mp4").upload(BinaryData.fromBytes(new byte[10]));
        PublishedAssets.register(b, extra.id());
        PublishedAssets.publish(b, extra.id(), 3, null);

        CompareReport drift = compare(a, b);
        assertFalse(drift.inSync());
        Map<String, List<Drift.Kind>> kinds = drift.differing().stream().collect(Collectors.toMap(AssetComparison::name,
                c -> c.drifts().stream().map(Drift::kind).toList()));
        assertEquals(List.of(Drift.Kind.MISSING_BLOB), kinds.get(single.get(0).name()), lines(drift));
        assertEquals(List.of(Drift.Kind.BLOB_DIFFERS), kinds.get(single.get(1).name()), lines(drift));
        assertEquals(List.of(Drift.Kind.MISSING_LOCATOR), kinds.get(single.get(2).name()), lines(drift));
        assertEquals(List.of(Drift.Kind.NO_SOURCE), kinds.get(extra.name()), lines(drift));
        assertEquals(4, drift.differing().size(), lines(drift));

        ReplicateReport repair = replicate(false);
        assertTrue(repair.succeeded(), repair.summary());
        assertEquals(3, repair.count(AssetOutcome.Status.REPLICATED), repair.summary());
        CompareReport after = compare(a, b);
        assertEquals(List.of(extra.name()), after.differing().stream().map(AssetComparison::name).toList(), lines(after));
        PublishedAssets.assertReplicated(a, b, single.get(0));
        PublishedAssets.assertReplicated(a, b, single.get(1));
        PublishedAssets.assertReplicated(a, b, single.get(2));
        assertTrue(ReplicaTargets.sourceOf(extra.alternateId()).isPresent(), "the orphan is still marked as a replica");
    }

    @Test
    void aRunUnderFaultsCompletesWithoutDuplicates() throws Exception {
        List<Asset> sources = make(a, "f", 12, 1);
        pair.faults().set(new FaultPlan(0.08, EnumSet.of(FaultKind.SERVICE_UNAVAILABLE, FaultKind.THROTTLED,
                FaultKind.INTERNAL_ERROR, FaultKind.RESET, FaultKind.LOST_RESPONSE), 7, Set.of("a", "b"),
                EnumSet.of(Surface.API, Surface.STORAGE), null, 0));
        ReplicateReport run = replicate(false);
        long injected = pair.faults().injected().size();
        pair.faults().set(FaultPlan.OFF);
        System.out.println("replicate under faults: " + injected + " injected; " + run.summary());
        assertTrue(injected > 0, "faults were injected");
        assertTrue(run.succeeded(), run.summary() + "\n" + failures(run));
        for (Asset s : sources) {
            PublishedAssets.assertReplicated(a, b, s);
        }
        assertTrue(compare(a, b).inSync());
    }

    @Test
    void whenTheTargetStopsAnsweringTheRunStopsEarlyNamingItAndALaterRunFinishes() throws Exception {
        List<Asset> sources = make(a, "down", 24, 1);
        ReplicateOptions d = ReplicateOptions.defaults();
        ReplicateOptions slow = new ReplicateOptions(new Selection(List.of(), prefix + "*", null), false, 2, 12, false, d.copy());
        AtomicInteger finished = new AtomicInteger();
        Replicate.Listener counting = new Replicate.Listener() {
            @Override
            public void progress(ReplicationProgress p) {
            }

            @Override
            public void finished(AssetOutcome outcome) {
                finished.incrementAndGet();
            }
        };
        var run = CompletableFuture.supplyAsync(() -> new Replicate(Clock.systemUTC())
                .run(a, b, slow, null, Set.of(), counting, new CopyCancellation()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (finished.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long stoppedAt;
        int before;
        ReplicateReport report;
        try {
            pair.datacenter("b").stop();
            stoppedAt = System.nanoTime();
            before = finished.get();
            report = run.get(2, TimeUnit.MINUTES);
        } finally {
            pair.datacenter("b").start();
        }
        long afterStop = (System.nanoTime() - stoppedAt) / 1_000_000;
        System.out.println("b stopped after " + before + " assets; the run ended " + afterStop + " ms later: " + report.summary());
        assertNotNull(report.stoppedBecause(), report.summary());
        assertTrue(report.stoppedBecause().contains("datacenter b stopped answering"), report.stoppedBecause());
        assertTrue(report.count(AssetOutcome.Status.NOT_RUN) > 0, "the rest was not started: " + report.summary());
        assertTrue(afterStop < 30_000, "stopped early, not after every asset's retries: " + afterStop + " ms");

        ReplicateReport again = replicate(false);
        assertTrue(again.succeeded(), again.summary() + "\n" + failures(again));
        for (Asset s : sources) {
            PublishedAssets.assertReplicated(a, b, s);
        }
    }

    static String failures(ReplicateReport r) {
        return r.assets().stream().filter(o -> o.status() == AssetOutcome.Status.FAILED || o.status() == AssetOutcome.Status.NOT_RUN)
                .map(AssetOutcome::line).collect(Collectors.joining("\n"));
    }

    static String lines(CompareReport r) {
        return r.differing().stream().map(AssetComparison::line).collect(Collectors.joining("\n"));
    }
}
