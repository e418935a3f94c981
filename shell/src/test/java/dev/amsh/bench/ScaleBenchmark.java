package dev.amsh.bench;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.AmsClientBuilder;
import dev.amsh.ams.auth.AmsCredentials;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.Assets;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.ops.Encode;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.Upload;
import dev.amsh.emulator.encoder.Ffmpeg;
import dev.amsh.storage.CopyCancellation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two figures of the local pair: {@code assets ls} over 10,000 assets in datacenter a, and the REST calls
 * of one failover of an encoded asset, amsh's against the documented procedure's for the same asset.
 */
public final class ScaleBenchmark {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (BenchPair p = new BenchPair()) {
            AccountContext a = p.contexts.get("a");
            AccountContext b = p.contexts.get("b");
            restCalls(p, a, b);
            listing(a, count);
        }
    }

    static void listing(AccountContext a, int count) throws Exception {
        AmsClient ams = a.ams();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Asset>> created = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            created.add(pool.submit(() -> ams.createAsset(String.format("bulk-%05d", n), 0, null)));
        }
        for (Future<Asset> f : created) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("created %d assets in datacenter a in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        Assets.list(ams, null, null, null); // warm the client
        for (int run = 1; run <= 3; run++) {
            t0 = System.nanoTime();
            int listed = Assets.list(ams, null, null, null).size();
            System.out.printf("  assets ls: %d assets in %4d ms (run %d)%n", listed, (System.nanoTime() - t0) / 1_000_000, run);
        }
    }

    static void restCalls(BenchPair p, AccountContext a, AccountContext b) throws Exception {
        Path dir = Files.createTempDirectory("amsh-bench-media");
        Path sample = dir.resolve("bench_sample.mp4");
        Ffmpeg.makeSample(p.pair.ffmpeg(), sample, 6);
        Clock clock = Clock.systemUTC();
        MediaAsset mezzanine = new Upload(clock).run(a, sample, "bench", p.contexts.environment().http(), x -> { }, new CopyCancellation()).asset();
        Encode encode = new Encode(Duration.ofMillis(200));
        Asset encoded = a.ams().getAsset(encode.await(a.datacenter(), encode.submit(a.datacenter(), mezzanine.id(), null, null),
                x -> { }, () -> false).output().id());
        // two published copies of the same output, one for each way of failing over
        Locator origin = a.ams().getLocator(PublishedAssets.publish(a, encoded.id(), 30, null).id());

        long aBefore = a.restCalls();
        long bBefore = b.restCalls();
        new DatacenterFailover(clock).run(a, b, encoded.id(), DatacenterFailover.Options.defaults(), s -> { }, x -> { }, new CopyCancellation());
        long amshCalls = (a.restCalls() - aBefore) + (b.restCalls() - bBefore);

        // the documented procedure on a fresh target: b's replica is removed first, so the same work is done again
        Locator replica = b.ams().findLocator(origin.id()).orElseThrow();
        String replicaAsset = replica.assetId();
        b.ams().deleteLocator(replica.id());
        b.ams().deleteAsset(replicaAsset);
        aBefore = a.restCalls();
        bBefore = b.restCalls();
        long freshCalls = DocumentedProcedure.run(a, b, encoded, origin, clock);
        long documented = (a.restCalls() - aBefore) + (b.restCalls() - bBefore) + freshCalls;
        System.out.printf("failover of one encoded asset (%d files), REST calls to Media Services:%n",
                a.ams().listFiles(encoded.id()).size());
        System.out.printf("  documented procedure: %3d%n  amsh failover:        %3d%n", documented, amshCalls);
    }

    /**
     * The documented procedure's REST traffic for one asset, call for call as its SDK and REST helpers make
     * them (each LINQ query and each navigation is one GET; CreateFileInfos and CreateLocator each sign in
     * to ACS afresh and start at the global root, which answers 301).
     */
    static final class DocumentedProcedure {
        /** Runs the procedure; returns the calls made by the helpers' own fresh clients. */
        static long run(AccountContext a, AccountContext b, Asset source, Locator origin, Clock clock) throws InterruptedException {
            AmsClient sa = a.ams();
            AmsClient tb = b.ams();
            // GetSasReadLocator: policy + SAS locator
            AccessPolicy readPolicy = sa.createAccessPolicy("File Download Policy", 43200, AccessPolicy.READ);
            Locator read = sa.createLocator(new LocatorRequest(null, source.id(), readPolicy.id(), Locator.SAS, null, null));
            // CreateTargetEmptyAsset
            Asset target = tb.createAsset(read.containerName(), 0, null);
            // CreateSasWriteLocator
            AccessPolicy writePolicy = tb.createAccessPolicy("Write Policy", 43200, AccessPolicy.WRITE);
            Locator write = tb.createLocator(new LocatorRequest(null, target.id(), writePolicy.id(), Locator.SAS, null, null));
            // CopyBlobsFromDifferentStorage: storage only
            CopyBenchmark.seedStyle(a.storage(), source.containerName(), b.storage(), target.containerName());
            // CreateFileInfosForAssetWithRest: a fresh ACS token, then GET CreateFileInfos at the global root (301)
            AmsClientBuilder first = fresh(b);
            first.build().createFileInfos(target.id());
            // targetAsset.AssetFiles
            tb.listFiles(target.id());
            // CreateOriginLocatorWithRest: Locators.Where(Id), fresh token, Assets.Where(Id), policy, POST at the global root
            tb.findLocator(origin.id());
            AmsClientBuilder second = fresh(b);
            AmsClient fresh2 = second.build();
            tb.getAsset(target.id());
            AccessPolicy rest = tb.createAccessPolicy("RestTest", 144000, AccessPolicy.READ);
            fresh2.createLocator(new LocatorRequest(origin.id(), target.id(), rest.id(), Locator.ON_DEMAND_ORIGIN,
                    clock.instant().minus(Duration.ofMinutes(10)), null));
            // GetPrimaryFile(sourceOutputAsset) twice: AssetFiles
            sa.listFiles(source.id());
            sa.listFiles(source.id());
            // readSasLocator.Delete(); writeSasLocator.Delete()
            sa.deleteLocator(read.id());
            tb.deleteLocator(write.id());
            return first.trace().calls() + second.trace().calls();
        }

        /** A client of b's account built anew, as each REST helper of the procedure signs in afresh at the global root. */
        static AmsClientBuilder fresh(AccountContext b) {
            var auth = b.config().auth();
            AmsClientBuilder builder = new AmsClientBuilder().apiRoot(b.config().apiRoot())
                    .credentials(new AmsCredentials.Acs(auth.accountName(), auth.accountKey(), auth.acsUrl(), null));
            return builder;
        }
    }
}
