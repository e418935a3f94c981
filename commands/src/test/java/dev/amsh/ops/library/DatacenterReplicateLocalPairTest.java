package dev.amsh.ops.library;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.http.HttpTrace;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.SampleLadder;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.Publishing;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.ops.V3FailoverLocalPairTest;
import dev.amsh.redact.Redactor;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.CopyCancellation;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * replicate on the seam over the local pair's v3 datacenters: v3 → v3 (high availability) and v2 → v3 (the
 * migration). Outcomes are checked on both datacenters (one replica per source, same blobs, same locator GUID and
 * name), the bytes through both origins, the calls per new replica, and a re-run that writes nothing.
 */
class DatacenterReplicateLocalPairTest {
    static final List<String> PATHS = List.of("manifest", "manifest(format=m3u8-aapl)", "manifest(format=mpd-time-csf)");
    static final Replicate.Listener QUIET = new Replicate.Listener() {
        public void progress(ReplicationProgress p) {
        }

        public void finished(AssetOutcome outcome) {
        }
    };

    final List<HttpTrace> traces = new CopyOnWriteArrayList<>();

    Contexts contexts(LocalPair pair) {
        return new Contexts(V3FailoverLocalPairTest.configs(pair.endpoints(null, null)),
                ContextEnvironment.create(new Redactor(), traces::add, Map.of()));
    }

    static ReplicateOptions options(Selection selection, boolean bothWays, boolean dryRun) {
        ReplicateOptions d = ReplicateOptions.defaults();
        return new ReplicateOptions(selection, bothWays, d.concurrency(), 0, dryRun, d.copy());
    }

    static ReplicateReport replicate(AccountContext a, AccountContext b, ReplicateOptions options) {
        return new Replicate(Clock.systemUTC()).run(a, b, options, null, Set.of(), QUIET, new CopyCancellation());
    }

    static CompareReport compare(AccountContext a, AccountContext b, Selection selection) {
        return new Compare(Clock.systemUTC(), new OkHttpClient()).run(a, b, new Compare.Options(selection, false, false, 16));
    }

    /** A v3 asset like an encode leaves it (a .ism, two MP4s, an empty file), published for 30 days. */
    static MediaAsset makeV3(AccountContext on, String name, boolean publish) {
        Datacenter dc = on.datacenter();
        MediaAsset asset = dc.createAsset(name, null);
        var container = on.storage().container(asset.container());
        Random random = new Random(name.hashCode());
        byte[] video = new byte[40_000 + random.nextInt(10_000)];
        random.nextBytes(video);
        container.getBlobClient(name + ".ism").upload(BinaryData.fromString("<smil/>"));
        container.getBlobClient(name + "_640x360_1150.mp4").upload(BinaryData.fromBytes(video));
        container.getBlobClient(name + "_empty.txt").upload(BinaryData.fromBytes(new byte[0]));
        if (publish) {
            new Publishing(Clock.systemUTC()).publish(dc, name, 30);
        }
        return asset;
    }

    /** b holds exactly one replica of {@code source}, marked as its replica, with every blob and every live locator's GUID. */
    static MediaAsset assertOneReplica(AccountContext a, AccountContext b, MediaAsset source) {
        List<MediaAsset> marked = b.datacenter().assets(AssetQuery.all()).stream()
                .filter(x -> ReplicaTargets.marker(source.id()).equals(x.alternateId())).toList();
        assertEquals(1, marked.size(), "exactly one replica of " + source.name() + ": " + marked);
        MediaAsset replica = marked.get(0);
        assertEquals(source.container(), replica.name(), "named after the source container");
        Map<String, BlobEntry> want = a.storage().list(source.container()).stream()
                .collect(Collectors.toMap(BlobEntry::name, Function.identity()));
        Map<String, BlobEntry> got = b.storage().list(replica.container()).stream()
                .collect(Collectors.toMap(BlobEntry::name, Function.identity()));
        assertEquals(want.keySet(), got.keySet(), "every blob, the empty one too");
        want.forEach((n, e) -> assertEquals(e.contentMd5(), got.get(n).contentMd5(), n));
        List<OriginLocator> there = b.datacenter().locators(replica);
        for (OriginLocator l : a.datacenter().locators(source)) {
            assertEquals(1, there.stream().filter(x -> x.guid().equals(l.guid())).count(), "locator " + l.guid() + " once on b");
        }
        return replica;
    }

    static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    long storageCalls() {
        return traces.stream().filter(t -> t.context().endsWith("/storage")).count();
    }

    /** The ARM writes on the wire from trace index {@code from} on: each PUT, POST or DELETE but the token's. */
    List<String> armWrites(int from) {
        return traces.subList(from, traces.size()).stream()
                .filter(t -> !t.context().endsWith("/storage") && !t.method().equals("GET"))
                .filter(t -> !t.url().contains("/auth/token") && !t.url().contains("/oauth2/"))
                .map(t -> t.method() + " " + t.url() + " " + t.status()).toList();
    }

    @Test
    void v3ToV3AllThenInSyncWithTwoArmCallsPerReplicaAndTheSameBytesThroughBothOrigins(@TempDir Path data) throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V3, DatacenterKind.V3))).start()) {
            Contexts contexts = contexts(pair);
            AccountContext a = contexts.get("a");
            AccountContext b = contexts.get("b");
            a.datacenter().startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
            b.datacenter().startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
            String prefix = "ha" + UUID.randomUUID().toString().substring(0, 6) + "-";
            List<MediaAsset> published = List.of(makeV3(a, prefix + "0", true), makeV3(a, prefix + "1", true),
                    makeV3(a, prefix + "2", true));
            MediaAsset unpublished = makeV3(a, prefix + "u", false);
            MediaAsset optedOut = a.datacenter().createAsset(prefix + "no", "{\"replicate\":\"No\"}");
            a.storage().container(optedOut.container()).getBlobClient("x.mp4").upload(BinaryData.fromString("x"));
            new Publishing(Clock.systemUTC()).publish(a.datacenter(), optedOut.name(), 30);
            // a real ladder, so the origins package it: its manifests must answer the same bytes through both
            MediaAsset ladder = a.datacenter().createAsset(prefix + "ladder", null);
            for (var f : SampleLadder.files(pair.ffmpeg(), "clip").entrySet()) {
                a.storage().container(ladder.container()).getBlobClient(f.getKey()).upload(BinaryData.fromBytes(f.getValue()));
            }
            OriginLocator ladderLocator = new Publishing(Clock.systemUTC()).publish(a.datacenter(), ladder.name(), 30).locator();
            Selection glob = new Selection(List.of(), prefix + "*", null);

            ReplicateReport plan = replicate(a, b, options(glob, false, true));
            assertEquals(4, plan.count(AssetOutcome.Status.PLANNED), plan.summary());
            assertEquals(1, plan.count(AssetOutcome.Status.SKIPPED), "opted out: " + plan.summary());
            assertTrue(b.datacenter().assets(new AssetQuery(prefix + "*", null, null)).toList().isEmpty());
            assertEquals(0, b.datacenter().withAlternateId(ReplicaTargets.marker(published.get(0).id())).size(),
                    "a dry run changes nothing");

            long storage0 = storageCalls();
            int trace0 = traces.size();
            ReplicateReport first = replicate(a, b, options(glob, false, false));
            long storage = storageCalls() - storage0;
            assertTrue(first.succeeded(), first.summary());
            assertEquals(4, first.count(AssetOutcome.Status.REPLICATED), first.summary());
            // asset PUT and locator PUT per replica, counted on the wire (a token or a listing is not a write)
            List<String> writes = armWrites(trace0);
            assertEquals(2 * 4, writes.size(), "2 ARM writes per new v3 replica: " + String.join("; ", writes));
            System.out.println("replicate v3 → v3, 4 assets: " + first.summary() + "; storage calls " + storage);
            assertEquals(4 + first.assets().stream().mapToInt(AssetOutcome::blobs).sum(), storage,
                    "one listing of each source container and one call per blob: the new containers are not listed");
            for (MediaAsset m : published) {
                assertOneReplica(a, b, m);
            }
            MediaAsset ladderReplica = assertOneReplica(a, b, ladder);
            OriginLocator onB = b.datacenter().locators(ladderReplica).get(0);
            assertEquals(ladderLocator.name(), onB.name(), "the same locator name, as the HA sample does");
            String ism = "clip.ism";
            String baseA = a.datacenter().streamingBase(ladderLocator) + ism + "/";
            String baseB = b.datacenter().streamingBase(onB) + ism + "/";
            assertEquals(baseA.replaceFirst("^[a-z]+://[^/]+", ""), baseB.replaceFirst("^[a-z]+://[^/]+", ""), "only the host differs");
            for (String p : PATHS) {
                assertArrayEquals(get(baseA + p), get(baseB + p), p);
            }
            AssetOutcome ladderOutcome = first.assets().stream().filter(o -> o.name().equals(ladder.name())).findFirst().orElseThrow();
            assertEquals(List.of(baseB + "manifest"), ladderOutcome.urls());
            assertTrue(first.assets().stream().noneMatch(o -> o.name().equals(unpublished.name())), "a glob takes published ones");
            ReplicateReport named = replicate(a, b, options(new Selection(List.of(unpublished.name()), null, null), false, false));
            assertEquals(1, named.count(AssetOutcome.Status.REPLICATED), named.summary());
            assertTrue(named.assets().get(0).notes().get(0).startsWith("not published on a"), "the unpublished one is said");
            assertOneReplica(a, b, unpublished);
            assertTrue(b.datacenter().withAlternateId(ReplicaTargets.marker(optedOut.id())).isEmpty(), "opted out stays");

            CompareReport same = compare(a, b, glob);
            assertTrue(same.inSync(), same.summary() + " " + same.differing());
            // planted drift: a blob gone from one replica, a locator from another, an asset published only on b
            MediaAsset r0 = assertOneReplica(a, b, published.get(0));
            String gone = published.get(0).name() + "_640x360_1150.mp4";
            b.storage().container(r0.container()).getBlobClient(gone).delete();
            MediaAsset r1 = assertOneReplica(a, b, published.get(1));
            b.datacenter().locators(r1).forEach(b.datacenter()::unpublish);
            MediaAsset onlyOnB = makeV3(b, prefix + "b", true);
            CompareReport drift = compare(a, b, glob);
            assertFalse(drift.inSync(), drift.summary());
            assertTrue(drift.differing().stream().anyMatch(c -> c.name().equals(published.get(0).name())
                    && c.drifts().stream().anyMatch(d -> d.kind() == Drift.Kind.MISSING_BLOB && d.subject().equals(gone))), drift.differing().toString());
            assertTrue(drift.differing().stream().anyMatch(c -> c.name().equals(published.get(1).name())
                    && c.drifts().stream().anyMatch(d -> d.kind() == Drift.Kind.MISSING_LOCATOR)), drift.differing().toString());
            assertTrue(drift.differing().stream().anyMatch(c -> c.name().equals(onlyOnB.name())
                    && c.status() == AssetComparison.Status.ONLY_ON_TARGET), drift.differing().toString());
            ReplicateReport repair = replicate(a, b, options(glob, false, false));
            assertEquals(2, repair.count(AssetOutcome.Status.REPLICATED), repair.summary());
            b.datacenter().locators(onlyOnB).forEach(b.datacenter()::unpublish);
            CompareReport repaired = compare(a, b, glob);
            assertTrue(repaired.inSync(), repaired.summary() + " " + repaired.differing());
            assertOneReplica(a, b, published.get(0));
            assertOneReplica(a, b, published.get(1));

            ReplicateReport again = replicate(a, b, options(glob, false, false));
            assertEquals(5, again.count(AssetOutcome.Status.IN_SYNC) + again.count(AssetOutcome.Status.SKIPPED), again.summary());
            assertEquals(again.listingCalls(), again.mediaServicesCalls(), "a complete library makes no write: " + again.summary());
        }
    }

    @Test
    void v2ToV2NewReplicasTakeFiveMediaServicesCallsAndOneStorageCallPerBlobThenADeepCompareIsInSync(@TempDir Path data)
            throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())).start()) {
            Contexts contexts = contexts(pair);
            AccountContext a = contexts.get("a");
            AccountContext b = contexts.get("b");
            String prefix = "vv" + UUID.randomUUID().toString().substring(0, 6) + "-";
            List<Asset> made = List.of(PublishedAssets.make(a, prefix + "one", 1), PublishedAssets.make(a, prefix + "two", 1),
                    PublishedAssets.make(a, prefix + "three", 1));
            Selection glob = new Selection(List.of(), prefix + "*", null);

            long storage0 = storageCalls();
            ReplicateReport first = replicate(a, b, options(glob, false, false));
            long storage = storageCalls() - storage0;
            assertTrue(first.succeeded(), first.summary());
            assertEquals(3, first.count(AssetOutcome.Status.REPLICATED), first.summary());
            System.out.println("replicate v2 → v2, 3 assets: " + first.summary() + "; storage calls " + storage);
            // the Files listing names a's blobs and b's containers are new: the copies are the only storage calls
            assertEquals(3 * 4, first.assets().stream().mapToInt(AssetOutcome::blobs).sum(), first.summary());
            assertEquals(3 * 4, storage, "one Copy Blob From URL per blob, no container listing");
            // per replica: create, CreateFileInfos, list its files, mark the primary, the locator; once per run the
            // access policy of the locators' window (looked up, then made)
            assertEquals(5 * 3 + 2, first.mediaServicesCalls() - first.listingCalls(), first.summary());
            for (Asset s : made) {
                PublishedAssets.assertReplicated(a, b, s);
                MediaAsset replica = assertOneReplica(a, b, a.datacenter().resolve(s.id()));
                assertEquals(List.of(s.name() + ".ism"), b.datacenter().files(replica).stream().filter(MediaFile::primary)
                        .map(MediaFile::name).toList(), "the source's primary file is the replica's");
            }
            PublishedAssets.assertOriginsServeTheSameBytes(a, b, made.get(0));

            CompareReport deep = new Compare(Clock.systemUTC(), new OkHttpClient()).run(a, b,
                    new Compare.Options(glob, true, false, 16));
            assertTrue(deep.inSync(), deep.summary());
            assertEquals(3, deep.counts().get(AssetComparison.Status.IN_SYNC), deep.summary());

            // a replica's .ism overwritten: compare names the blob and, deep, the bytes its origin serves
            MediaAsset r0 = assertOneReplica(a, b, a.datacenter().resolve(made.get(0).id()));
            String ism = made.get(0).name() + ".ism";
            b.storage().container(r0.container()).getBlobClient(ism).upload(BinaryData.fromString("<smil>other</smil>"), true);
            CompareReport drift = new Compare(Clock.systemUTC(), new OkHttpClient()).run(a, b,
                    new Compare.Options(glob, true, false, 16));
            List<Drift.Kind> kinds = drift.differing().stream().flatMap(c -> c.drifts().stream()).map(Drift::kind).toList();
            assertTrue(kinds.contains(Drift.Kind.BLOB_DIFFERS) && kinds.contains(Drift.Kind.CONTENT_DIFFERS), drift.summary() + " " + kinds);

            ReplicateReport repair = replicate(a, b, options(glob, false, false));
            assertEquals(1, repair.count(AssetOutcome.Status.REPLICATED), repair.summary());
            assertTrue(compare(a, b, glob).inSync(), "repaired");
        }
    }

    @Test
    void v2ToV3KeepsEachOriginLocatorsGuidAndBothWaysSendsBackWhatOnlyBPublishes(@TempDir Path data) throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3))).start()) {
            Contexts contexts = contexts(pair);
            AccountContext a = contexts.get("a");
            AccountContext b = contexts.get("b");
            b.datacenter().startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
            String prefix = "mg" + UUID.randomUUID().toString().substring(0, 6) + "-";
            Asset one = PublishedAssets.make(a, prefix + "one", 1);
            Asset two = PublishedAssets.make(a, prefix + "two", 2);
            MediaAsset onlyOnB = makeV3(b, prefix + "b", true);

            ReplicateReport r = replicate(a, b, options(new Selection(List.of(), prefix + "*", null), true, false));
            assertTrue(r.succeeded(), r.summary());
            assertEquals(3, r.count(AssetOutcome.Status.REPLICATED), r.summary());
            for (Asset v2 : List.of(one, two)) {
                MediaAsset source = a.datacenter().resolve(v2.id());
                MediaAsset replica = assertOneReplica(a, b, source);
                for (OriginLocator l : a.datacenter().locators(source)) {
                    OriginLocator there = b.datacenter().locator(l.guid()).orElseThrow();
                    assertEquals(l.guid().toString(), there.name(), "a v2 locator's GUID names it on v3");
                    assertEquals(replica.name(), there.asset());
                }
            }
            // back to v2: registered files, the v3 locator's GUID as the origin locator's Id
            MediaAsset back = a.datacenter().withAlternateId(ReplicaTargets.marker(onlyOnB.id())).get(0);
            assertEquals(3, a.datacenter().files(back).size(), "registered on v2");
            OriginLocator l = b.datacenter().locators(onlyOnB).get(0);
            assertEquals("nb:lid:UUID:" + l.guid(), a.datacenter().locator(l.guid()).orElseThrow().id());

            ReplicateReport again = replicate(a, b, options(new Selection(List.of(), prefix + "*", null), true, false));
            assertEquals(0, again.count(AssetOutcome.Status.REPLICATED), again.summary());
            assertEquals(again.listingCalls(), again.mediaServicesCalls(), "no write: " + again.summary());
        }
    }
}
