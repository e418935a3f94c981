package dev.amsh.bench;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.ops.Policies;
import dev.amsh.ops.library.AssetOutcome;
import dev.amsh.ops.library.Compare;
import dev.amsh.ops.library.CompareReport;
import dev.amsh.ops.library.Replicate;
import dev.amsh.ops.library.ReplicateOptions;
import dev.amsh.ops.library.ReplicateReport;
import dev.amsh.ops.library.ReplicationProgress;
import dev.amsh.ops.library.Selection;
import dev.amsh.redact.Redactor;
import dev.amsh.storage.CopyCancellation;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench replicate [ASSETS] [SAMPLE] [COMPARE_ASSETS] [LATENCY_MS]}: ASSETS published assets of five
 * files on a, replicated to b through a loopback proxy adding LATENCY_MS each way to every connection (Media
 * Services and storage), by amsh's replicate and by the documented procedure run as written (one asset at a time,
 * one blob at a time, StartCopy then FetchAttributes until not pending, a fresh ACS sign-in and the 301 for each
 * REST helper) on SAMPLE assets, scaled up. Then compare over COMPARE_ASSETS assets on loopback.
 */
public final class ReplicateBenchmark {
    static final Replicate.Listener QUIET = new Replicate.Listener() {
        @Override
        public void progress(ReplicationProgress p) {
        }

        @Override
        public void finished(AssetOutcome outcome) {
        }
    };

    public static void main(String[] args) throws Exception {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int compareAssets = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long latency = args.length > 3 ? Long.parseLong(args[3]) : 10;
        Clock clock = Clock.systemUTC();
        try (BenchPair p = new BenchPair()) {
            AccountContext a = p.contexts.get("a");
            long t0 = System.nanoTime();
            List<Asset> published = seed(a, "rb", assets, 5, clock);
            System.out.printf("seeded %d published assets x 5 files on a in %.1f s%n", assets, (System.nanoTime() - t0) / 1e9);

            List<LatencyProxy> proxies = new ArrayList<>();
            try {
                AtomicLong storageCalls = new AtomicLong();
                Contexts slow = throughProxies(p, latency, proxies, storageCalls);
                AccountContext sa = slow.get("a");
                AccountContext sb = slow.get("b");
                System.out.printf("%d ms each way on every connection (a loopback proxy per endpoint)%n", latency);

                // the documented procedure, on a sample
                List<Asset> sampled = published.subList(0, Math.min(sample, published.size()));
                long before = sa.restCalls() + sb.restCalls();
                long fresh = 0;
                t0 = System.nanoTime();
                for (Asset s : sampled) {
                    Locator origin = sa.ams().listLocatorsOf(s.id()).stream()
                            .filter(Locator::onDemandOrigin).findFirst().orElseThrow();
                    fresh += ScaleBenchmark.DocumentedProcedure.run(sa, sb, s, origin, clock);
                }
                double procedureSample = (System.nanoTime() - t0) / 1e9;
                double procedureCalls = (double) (sa.restCalls() + sb.restCalls() - before + fresh) / sampled.size();
                double procedureAll = procedureSample / sampled.size() * assets;
                // the sampled assets are now on b: remove them so amsh replicates the same library from scratch
                for (Asset s : sampled) {
                    for (Asset t : sb.ams().listAssets(Query.filter("Name eq " + Query.literal(s.containerName()))).toList()) {
                        sb.ams().listLocatorsOf(t.id()).forEach(l -> sb.ams().deleteLocator(l.id()));
                        sb.ams().deleteAsset(t.id());
                    }
                }

                long calls0 = sa.restCalls() + sb.restCalls();
                long storage0 = storageCalls.get();
                t0 = System.nanoTime();
                ReplicateReport r = new Replicate(clock).run(sa, sb, ReplicateOptions.defaults()
                        .withSelection(new Selection(List.of(), "rb*", null)), null, Set.of(), QUIET,
                        new CopyCancellation());
                double amsh = (System.nanoTime() - t0) / 1e9;
                if (!r.succeeded()) {
                    throw new IllegalStateException("replicate failed: " + r.summary());
                }
                double amshCalls = (double) (sa.restCalls() + sb.restCalls() - calls0) / assets;
                System.out.printf("  documented procedure: %.1f s for %d sampled assets, so %.0f s for %d (scaled up); "
                        + "%.1f Media Services calls per asset%n", procedureSample, sampled.size(), procedureAll, assets, procedureCalls);
                System.out.printf("  amsh replicate:       %.1f s for all %d assets; %.2f Media Services calls per asset "
                        + "(%.2f per asset besides the %d listing calls)%n", amsh, assets, amshCalls,
                        r.callsPerReplicatedAsset(), r.listingCalls());
                System.out.printf("  amsh replicate:       %.2f storage calls per new replica (%d blobs copied)%n",
                        (double) (storageCalls.get() - storage0) / assets, r.assets().stream().mapToInt(AssetOutcome::blobs).sum());
                System.out.printf("  ratio: %.1fx%n", procedureAll / amsh);
                System.out.printf("  (on Azure a cross-account StartCopy is pending when first checked, so the procedure also"
                        + " sleeps 1 s per blob: about %.0f s more, a ratio of %.0fx)%n", 5.0 * assets,
                        (procedureAll + 5.0 * assets) / amsh);
            } finally {
                for (LatencyProxy proxy : proxies) {
                    proxy.close();
                }
            }
            compareAtScale(p, compareAssets - assets, clock);
        }
    }

    /** Published assets of {@code files} small blobs each, made in parallel. */
    static List<Asset> seed(AccountContext a, String prefix, int count, int files, Clock clock) throws Exception {
        AmsClient ams = a.ams();
        AccessPolicy policy = Policies.reusableReadPolicy(ams, 30);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Asset>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format("%s%05d", prefix, i);
                made.add(pool.submit(() -> {
                    Asset asset = ams.createAsset(name, 0, null);
                    var container = a.storage().container(asset.containerName());
                    Random random = new Random(name.hashCode());
                    for (int f = 0; f < files; f++) {
                        byte[] bytes = new byte[2_000 + random.nextInt(8_000)];
                        random.nextBytes(bytes);
                        container.getBlobClient(f == 0 ? name + ".ism" : name + "_" + f + ".mp4").upload(BinaryData.fromBytes(bytes));
                    }
                    ams.createFileInfos(asset.id());
                    ams.createLocator(new LocatorRequest(null, asset.id(), policy.id(), Locator.ON_DEMAND_ORIGIN,
                            clock.instant().minus(Duration.ofMinutes(5)), null));
                    return asset;
                }));
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

    /** Contexts a and b whose every endpoint (API, token, storage) is reached through a latency proxy. */
    static Contexts throughProxies(BenchPair p, long latency, List<LatencyProxy> proxies, AtomicLong storageCalls)
            throws Exception {
        Map<Integer, Integer> proxied = new HashMap<>();
        Map<String, ContextConfig> configs = new LinkedHashMap<>();
        for (String name : List.of("a", "b")) {
            ContextConfig c = p.contexts.get(name).config();
            configs.put(name, new ContextConfig(via(c.apiRoot(), latency, proxied, proxies),
                    ContextConfig.Auth.acs(c.auth().accountName(), c.auth().accountKey(), via(c.auth().acsUrl(), latency, proxied, proxies)),
                    new ContextConfig.Storage(c.storage().name(), c.storage().key(),
                            via(c.storage().blobEndpoint(), latency, proxied, proxies), null), null));
        }
        // the storage calls counted as the trace sees them, one per request on the wire
        return new Contexts(configs, ContextEnvironment.create(new Redactor(), t -> {
            if (t.context().endsWith("/storage")) {
                storageCalls.incrementAndGet();
            }
        }, Map.of()));
    }

    private static String via(String url, long latency, Map<Integer, Integer> proxied, List<LatencyProxy> proxies) throws Exception {
        HttpUrl u = HttpUrl.get(url);
        Integer port = proxied.get(u.port());
        if (port == null) {
            LatencyProxy proxy = new LatencyProxy(u.port(), latency);
            proxies.add(proxy);
            port = proxy.port();
            proxied.put(u.port(), port);
        }
        return u.newBuilder().port(port).build().toString();
    }

    /** compare over {@code more} extra published assets (one file each) on top of those replicated, on loopback. */
    static void compareAtScale(BenchPair p, int more, Clock clock) throws Exception {
        AccountContext a = p.contexts.get("a");
        AccountContext b = p.contexts.get("b");
        if (more > 0) {
            long t0 = System.nanoTime();
            seed(a, "cb", more, 1, clock);
            ReplicateReport r = new Replicate(clock).run(a, b, ReplicateOptions.defaults()
                    .withSelection(new Selection(List.of(), "cb*", null)), null, Set.of(), QUIET,
                    new CopyCancellation());
            System.out.printf("seeded and replicated %d more assets on loopback in %.1f s (replicate: %.1f s, %.2f calls per asset)%n",
                    more, (System.nanoTime() - t0) / 1e9, r.millis() / 1e3, r.callsPerReplicatedAsset());
        }
        Compare compare = new Compare(clock, new OkHttpClient());
        for (boolean quick : List.of(true, false)) {
            CompareReport c = compare.run(a, b, new Compare.Options(Selection.all(), false, quick, 32));
            System.out.printf("  compare a b%s over %d assets: %d ms, %d Media Services calls, %s%n", quick ? " --quick" : "",
                    c.assets().size(), c.millis(), c.mediaServicesCalls(), c.inSync() ? "in sync" : c.differing().size() + " differ");
        }
    }
}
