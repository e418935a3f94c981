package dev.amsh.bench;

import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.arm.ArmClient;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.Window;
import dev.amsh.datacenter.v3.V3Datacenter;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.ops.library.AssetOutcome;
import dev.amsh.ops.library.Replicate;
import dev.amsh.ops.library.ReplicateOptions;
import dev.amsh.ops.library.ReplicateReport;
import dev.amsh.ops.library.Selection;
import dev.amsh.redact.Redactor;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.BlobStore;
import dev.amsh.storage.CopyCancellation;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static dev.amsh.arm.ArmAccount.METADATA_API;

/**
 * {@code scripts/bench replicate-v3 [ASSETS] [SAMPLE] [LATENCY_MS]}: ASSETS published assets of five files on a v3 a,
 * replicated to a v3 b through a loopback proxy adding LATENCY_MS each way to every connection (ARM, token, storage),
 * by amsh's replicate and by Microsoft's v3 high-availability sample's calls as written (one asset at a time: GET the
 * target asset, PUT it, GET it again for its container, listContainerSas on the source, list the blobs, StartCopy
 * each blob and wait, GET the source locator, GET the target's, PUT it) on SAMPLE assets, scaled up. ARM calls per
 * new replica are counted for both.
 */
public final class ReplicateV3Benchmark {
    public static void main(String[] args) throws Exception {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 10;
        Clock clock = Clock.systemUTC();
        try (BenchPair p = new BenchPair(List.of(DatacenterKind.V3, DatacenterKind.V3))) {
            AccountContext a = p.contexts.get("a");
            a.datacenter().startEndpoint("default").await(Duration.ofMinutes(1), x -> { });
            p.contexts.get("b").datacenter().startEndpoint("default").await(Duration.ofMinutes(1), x -> { });
            long t0 = System.nanoTime();
            Map<String, String> locatorOf = new java.util.concurrent.ConcurrentHashMap<>();
            List<MediaAsset> published = seed(a, "rv", assets, 5, locatorOf);
            System.out.printf("seeded %d published v3 assets x 5 files on a in %.1f s%n", assets, (System.nanoTime() - t0) / 1e9);

            List<LatencyProxy> proxies = new ArrayList<>();
            try {
                AtomicLong storageCalls = new AtomicLong();
                Contexts slow = throughProxies(p, latency, proxies, storageCalls);
                AccountContext sa = slow.get("a");
                AccountContext sb = slow.get("b");
                System.out.printf("%d ms each way on every connection (a loopback proxy per endpoint)%n", latency);

                List<MediaAsset> sampled = published.subList(0, Math.min(sample, published.size()));
                long before = sa.restCalls() + sb.restCalls();
                t0 = System.nanoTime();
                for (MediaAsset s : sampled) {
                    HaSample.copyAndPublish(sa, sb, s.name(), locatorOf.get(s.name()), clock);
                }
                double sampleSeconds = (System.nanoTime() - t0) / 1e9;
                double sampleCalls = (double) (sa.restCalls() + sb.restCalls() - before) / sampled.size();
                double sampleAll = sampleSeconds / sampled.size() * assets;
                // the sampled assets are now on b: remove them so amsh replicates the same library from scratch
                V3Datacenter db = (V3Datacenter) sb.datacenter();
                for (MediaAsset s : sampled) {
                    db.named(s.name()).forEach(t -> {
                        db.locators(t).forEach(db::unpublish);
                        db.deleteAsset(t);
                    });
                }

                long calls0 = sa.restCalls() + sb.restCalls();
                long storage0 = storageCalls.get();
                t0 = System.nanoTime();
                ReplicateReport r = new Replicate(clock).run(sa, sb, ReplicateOptions.defaults()
                        .withSelection(new Selection(List.of(), "rv*", null)), null, Set.of(), ReplicateBenchmark.QUIET,
                        new CopyCancellation());
                double amsh = (System.nanoTime() - t0) / 1e9;
                if (!r.succeeded()) {
                    throw new IllegalStateException("replicate failed: " + r.summary());
                }
                double amshCalls = (double) (sa.restCalls() + sb.restCalls() - calls0 - r.listingCalls()) / assets;
                System.out.printf("  HA sample as written: %.1f s for %d sampled assets, so %.0f s for %d (scaled up); "
                        + "%.1f ARM calls per asset%n", sampleSeconds, sampled.size(), sampleAll, assets, sampleCalls);
                System.out.printf("  amsh replicate:       %.1f s for all %d assets; %.2f ARM calls per new replica "
                        + "besides the %d listing calls of the run%n", amsh, assets, amshCalls, r.listingCalls());
                System.out.printf("  amsh replicate:       %.2f storage calls per new replica (%d blobs copied)%n",
                        (double) (storageCalls.get() - storage0) / assets, r.assets().stream().mapToInt(AssetOutcome::blobs).sum());
                System.out.printf("  ratio: %.1fx%n", sampleAll / amsh);
            } finally {
                for (LatencyProxy proxy : proxies) {
                    proxy.close();
                }
            }
        }
    }

    /** Published v3 assets of {@code files} small blobs each, made in parallel. */
    static List<MediaAsset> seed(AccountContext a, String prefix, int count, int files, Map<String, String> locatorOf)
            throws Exception {
        V3Datacenter dc = (V3Datacenter) a.datacenter();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<MediaAsset>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format("%s%05d", prefix, i);
                made.add(pool.submit(() -> {
                    MediaAsset asset = dc.createAsset(name, null, name);
                    var container = a.storage().container(asset.container());
                    Random random = new Random(name.hashCode());
                    for (int f = 0; f < files; f++) {
                        byte[] bytes = new byte[2_000 + random.nextInt(8_000)];
                        random.nextBytes(bytes);
                        container.getBlobClient(f == 0 ? name + ".ism" : name + "_" + f + ".mp4").upload(BinaryData.fromBytes(bytes));
                    }
                    locatorOf.put(name, dc.publish(asset, new Window(null, null), UUID.randomUUID()).name());
                    return asset;
                }));
            }
            List<MediaAsset> out = new ArrayList<>();
            for (Future<MediaAsset> f : made) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** Microsoft's v3 HA sample, AssetDataProvisioningService and ClearStreamingProvisioningService, call by call. */
    static final class HaSample {
        static void copyAndPublish(AccountContext from, AccountContext to, String assetName, String locatorName, Clock clock) {
            ArmClient source = ((V3Datacenter) from.datacenter()).arm();
            ArmClient target = ((V3Datacenter) to.datacenter()).arm();
            String sa = source.account().path(false);
            String tb = target.account().path(false);
            // 1. GET the target asset; null: CreateOrUpdate, then GET again to read its container
            if (target.find(tb + "/assets/" + assetName, METADATA_API).isEmpty()) {
                target.put(tb + "/assets/" + assetName, METADATA_API, target.json().createObjectNode().putObject("properties"), false);
            }
            String container = target.get(tb + "/assets/" + assetName, METADATA_API).path("properties").path("container").asText();
            // 2. listContainerSas on the source, the first URL
            ObjectNode sas = source.json().createObjectNode().put("permissions", "Read")
                    .put("expiryTime", clock.instant().plus(Duration.ofHours(1)).toString());
            String url = source.action(sa + "/assets/" + assetName + "/listContainerSas", METADATA_API, sas)
                    .path("assetContainerSasUrls").get(0).asText();
            // 3. list the blobs through it, StartCopyFromUri each into the target with its connection string, wait
            OkHttpClient http = new OkHttpClient();
            List<BlobEntry> blobs = BlobStore.listBySas(url, http);
            // the copy source: Azurite does not take the emulator's listContainerSas URL as a copy source across
            // instances, so each blob is read through a keyed SAS of the same container (the calls are the same)
            String container0 = url.replaceFirst("\\?.*$", "").replaceAll("/+$", "");
            String sourceContainer = container0.substring(container0.lastIndexOf('/') + 1);
            String keyed = from.storage().containerSas(sourceContainer, "r", OffsetDateTime.now().plusHours(1));
            var sourceBlobs = from.storage().container(sourceContainer);
            var targetContainer = to.storage().container(container);
            for (BlobEntry b : blobs) {
                targetContainer.getBlobClient(b.name()).beginCopy(sourceBlobs.getBlobClient(b.name()).getBlobUrl() + "?" + keyed,
                        Duration.ofMillis(50)).waitForCompletion(Duration.ofMinutes(1));
            }
            // ClearStreaming: the source's locator (ProvisionLocatorAsync finds it), the target's GET, then Create
            JsonNode original = source.get(sa + "/streamingLocators/" + locatorName, METADATA_API);
            String name = original.path("name").asText();
            if (target.find(tb + "/streamingLocators/" + name, METADATA_API).isEmpty()) {
                ObjectNode body = target.json().createObjectNode();
                JsonNode op = original.path("properties");
                body.putObject("properties").put("assetName", assetName)
                        .put("streamingPolicyName", op.path("streamingPolicyName").asText())
                        .put("streamingLocatorId", op.path("streamingLocatorId").asText());
                target.put(tb + "/streamingLocators/" + name, METADATA_API, body, true);
            }
        }
    }

    /** Contexts a and b whose every endpoint (ARM, token, storage) is reached through a latency proxy. */
    static Contexts throughProxies(BenchPair p, long latency, List<LatencyProxy> proxies, AtomicLong storageCalls)
            throws Exception {
        Map<Integer, Integer> proxied = new HashMap<>();
        Map<String, ContextConfig> configs = new LinkedHashMap<>();
        for (String name : List.of("a", "b")) {
            ContextConfig c = p.contexts.get(name).config();
            ContextConfig.Arm m = c.arm();
            ContextConfig.Arm arm = new ContextConfig.Arm(via(m.endpoint(), latency, proxied, proxies), m.subscriptionId(),
                    m.resourceGroup(), m.accountName(), m.apiKey(), via(m.tokenUrl(), latency, proxied, proxies), m.tenant(),
                    m.clientId(), m.clientSecret(), m.authority(), m.caFile(), m.streamingScheme(), m.audience());
            configs.put(name, ContextConfig.v3(arm, new ContextConfig.Storage(c.storage().name(), c.storage().key(),
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
        if (url == null) {
            return null;
        }
        HttpUrl u = HttpUrl.get(url);
        Integer port = proxied.get(u.port());
        if (port == null) {
            LatencyProxy proxy = new LatencyProxy(u.port(), latency);
            proxies.add(proxy);
            port = proxy.port();
            proxied.put(u.port(), port);
        }
        String out = u.newBuilder().port(port).build().toString();
        return url.endsWith("/") || !out.endsWith("/") ? out : out.substring(0, out.length() - 1);
    }
}
