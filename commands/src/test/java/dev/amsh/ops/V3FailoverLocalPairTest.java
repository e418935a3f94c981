package dev.amsh.ops;

import com.azure.core.util.BinaryData;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Kind;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.PublishedSample;
import dev.amsh.emulator.SampleLadder;
import dev.amsh.redact.Redactor;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Failover onto a v3 datacenter of the local pair, end to end: v2 a → v3 b (the migration: the origin locator's
 * GUID becomes b's streamingLocatorId) and v3 a → v3 b (high availability). b's URLs equal a's but for the host, and
 * every streaming path answers the same bytes through both origins.
 */
public class V3FailoverLocalPairTest {
    static final List<String> PATHS = List.of("manifest", "manifest(format=m3u8-aapl)", "manifest(format=mpd-time-csf)",
            "manifest(format=m3u8-cmaf)");

    /** Contexts for a pair of any kinds: v2 with ACS through the global root, v3 with the api key and the pair's CA. */
    public static Map<String, ContextConfig> configs(Endpoints e) {
        Map<String, ContextConfig> out = new LinkedHashMap<>();
        for (Endpoints.DatacenterEndpoints d : e.datacenters()) {
            ContextConfig.Storage storage = new ContextConfig.Storage(d.storageAccountName(), d.storageAccountKey(), d.blobEndpoint(), null);
            if (d.kindOrDefault() == DatacenterKind.V3) {
                out.put(d.name(), ContextConfig.v3(new ContextConfig.Arm(d.armEndpoint(), d.subscriptionId(), d.resourceGroup(),
                        d.accountName(), d.apiKey(), d.tokenUrl(), null, null, null, null, e.caFile(),
                        URI.create(d.originUrl()).getScheme(), null), storage, null));
            } else {
                out.put(d.name(), new ContextConfig(d.globalApiRoot(), ContextConfig.Auth.acs(d.accountName(), d.accountKey(),
                        d.acsTokenUrl()), storage, null));
            }
        }
        return out;
    }

    static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    static void sameBytes(DatacenterFailover.Result r) throws Exception {
        String host = "^[a-z]+://[^/]+";
        assertEquals(r.originalUrl().replaceFirst(host, ""), r.replicatedUrl().replaceFirst(host, ""), "URLs differ only by host");
        assertNotEquals(r.originalUrl(), r.replicatedUrl());
        String baseA = r.originalUrl().replaceFirst("manifest$", "");
        String baseB = r.replicatedUrl().replaceFirst("manifest$", "");
        for (String p : PATHS) {
            assertArrayEquals(get(baseA + p), get(baseB + p), p);
        }
    }

    @Test
    void v2ToV3KeepsTheLocatorGuidSoThePath(@TempDir Path data) throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3))).start()) {
            Contexts contexts = new Contexts(configs(pair.endpoints(null, null)), ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
            AccountContext a = contexts.get("a");
            AccountContext b = contexts.get("b");
            assertEquals(Kind.V3, b.kind());
            PublishedSample sample = PublishedSample.encodeAndPublish(pair, "a", Files.createDirectories(data.resolve("enc")), 3);
            b.datacenter().startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
            List<Step> steps = new ArrayList<>();
            DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, sample.outputAssetId(),
                    DatacenterFailover.Options.defaults(), steps::add, p -> { }, new CopyCancellation());

            assertEquals(r.sourceLocator().guid(), r.targetLocator().guid());
            assertEquals(r.sourceLocator().guid().toString(), r.targetLocator().name(), "named by its GUID on v3");
            assertEquals("Predefined_ClearStreamingOnly", r.targetLocator().policy());
            assertTrue(steps.stream().anyMatch(s -> s.number() == 6 && s.status() == Step.Status.SKIPPED
                    && s.detail().startsWith("v3: not needed")), String.valueOf(steps));
            sameBytes(r);
            // a re-run finds everything: no 409, nothing new
            DatacenterFailover.Result again = new DatacenterFailover(Clock.systemUTC()).run(a, b, sample.outputAssetId(),
                    DatacenterFailover.Options.defaults(), s -> { }, p -> { }, new CopyCancellation());
            assertEquals(r.target().name(), again.target().name());
            assertEquals(DatacenterFailover.Replica.Outcome.PRESENT, again.locators().get(0).outcome());
        }
    }

    @Test
    void v3ToV3KeepsNameAndStreamingLocatorId(@TempDir Path data) throws Exception {
        fromV3(data, DatacenterKind.V3);
    }

    @Test
    void v3ToV2MakesTheOriginLocatorOfTheSameGuid(@TempDir Path data) throws Exception {
        DatacenterFailover.Result r = fromV3(data, DatacenterKind.V2);
        assertEquals("nb:lid:UUID:" + r.sourceLocator().guid(), r.targetLocator().id());
    }

    @Test
    void v3ToV3WithoutStorageKeysCopiesThroughListContainerSas(@TempDir Path data) throws Exception {
        DatacenterFailover.Result r = fromV3(data, DatacenterKind.V3, false);
        assertTrue(r.steps().stream().anyMatch(s -> s.number() == 2 && s.status() == Step.Status.DONE
                && s.detail().contains("listContainerSas")), String.valueOf(r.steps()));
        assertTrue(r.copy().succeeded());
    }

    DatacenterFailover.Result fromV3(Path data, DatacenterKind bKind) throws Exception {
        return fromV3(data, bKind, true);
    }

    /** A v3 a with a real ladder published, failed over to b of the given kind (with or without storage keys on v3). */
    DatacenterFailover.Result fromV3(Path data, DatacenterKind bKind, boolean keys) throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V3, bKind))).start()) {
            Map<String, ContextConfig> configs = configs(pair.endpoints(null, null));
            AccountContext uploader = new Contexts(configs, ContextEnvironment.create(new Redactor(), t -> { }, Map.of())).get("a");
            if (!keys) {
                configs.replaceAll((n, c) -> c.arm() == null ? c : ContextConfig.v3(c.arm(), null, null));
            }
            Contexts contexts = new Contexts(configs, ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
            AccountContext a = contexts.get("a");
            AccountContext b = contexts.get("b");
            assertEquals(keys, a.hasStorageKeys());
            Datacenter da = a.datacenter();
            String name = "ha-" + UUID.randomUUID().toString().substring(0, 8);
            MediaAsset asset = da.createAsset(name, null);
            for (var f : SampleLadder.files(pair.ffmpeg(), "clip").entrySet()) {
                uploader.storage().container(asset.container()).getBlobClient(f.getKey()).upload(BinaryData.fromBytes(f.getValue()));
            }
            da.startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
            if (bKind == DatacenterKind.V3) {
                b.datacenter().startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
            }
            OriginLocator published = new Publishing(Clock.systemUTC()).publish(da, name, 30).locator();

            DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, name, DatacenterFailover.Options.defaults(),
                    s -> { }, p -> { }, new CopyCancellation());

            assertEquals(published.guid(), r.targetLocator().guid());
            if (bKind == DatacenterKind.V3) {
                assertEquals(published.name(), r.targetLocator().name(), "the same locator name, as the HA sample does");
            }
            assertEquals(asset.container(), r.target().name(), "the replica is named after the source container");
            sameBytes(r);
            return r;
        }
    }
}
