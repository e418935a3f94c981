package dev.amsh.sdktests;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.mediaservices.MediaServicesManager;
import com.azure.resourcemanager.mediaservices.fluent.models.AssetInner;
import com.azure.resourcemanager.mediaservices.models.Asset;
import com.azure.resourcemanager.mediaservices.models.AssetContainerPermission;
import com.azure.resourcemanager.mediaservices.models.BuiltInStandardEncoderPreset;
import com.azure.resourcemanager.mediaservices.models.EncoderNamedPreset;
import com.azure.resourcemanager.mediaservices.models.Job;
import com.azure.resourcemanager.mediaservices.models.JobInputAsset;
import com.azure.resourcemanager.mediaservices.models.JobOutputAsset;
import com.azure.resourcemanager.mediaservices.models.JobState;
import com.azure.resourcemanager.mediaservices.models.ListContainerSasInput;
import com.azure.resourcemanager.mediaservices.models.ListPathsResponse;
import com.azure.resourcemanager.mediaservices.models.StreamingEndpoint;
import com.azure.resourcemanager.mediaservices.models.StreamingEndpointResourceState;
import com.azure.resourcemanager.mediaservices.models.StreamingLocator;
import com.azure.resourcemanager.mediaservices.models.StreamingPath;
import com.azure.resourcemanager.mediaservices.models.StreamingPolicyStreamingProtocol;
import com.azure.resourcemanager.mediaservices.models.TransformOutput;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.common.TestCertificates;
import dev.amsh.emulator.encoder.Ffmpeg;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The official Media Services v3 Java SDK ({@code azure-resourcemanager-mediaservices} 2.4.0), unchanged, against a
 * v3 datacenter of the pair: a custom ARM endpoint through {@link AzureEnvironment}, a {@link TokenCredential} from
 * the api-key sign-in, and the pair's test CA trusted by the SDK's okhttp client. Every step is checked in the
 * pair's own state (its storage, its origin) as well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialV3SdkTest {
    LocalPair pair;
    Endpoints.DatacenterEndpoints dc;
    MediaServicesManager ams;
    SSLContext trust;
    String rg;
    String acct;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("amsh-v3-sdk");
        pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir()).withLog(System.out::println)
                .withKinds(List.of(DatacenterKind.V3, DatacenterKind.V3))).start();
        Endpoints e = pair.endpoints(null, null);
        dc = e.get("a");
        rg = dc.resourceGroup();
        acct = dc.accountName();
        Path ca = Path.of(e.caFile());
        trust = TestCertificates.trusting(ca);
        AzureEnvironment env = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", dc.armEndpoint(),
                "managementEndpointUrl", dc.armEndpoint()));
        AzureProfile profile = new AzureProfile(null, dc.subscriptionId(), env);
        ams = MediaServicesManager.configure().withHttpClient(httpClientTrusting(ca))
                .withDefaultPollInterval(Duration.ofMillis(300))
                .authenticate(new ApiKeyCredential(dc.tokenUrl(), dc.subscriptionId(), dc.apiKey(), trust), profile);
    }

    /** The SDK's own okhttp client, trusting only the pair's CA. */
    static HttpClient httpClientTrusting(Path caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            ks.setCertificateEntry("amsh-local-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[]{tm}, null);
        return new OkHttpAsyncHttpClientBuilder(new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm).build())
                .build();
    }

    @AfterAll
    void stop() {
        pair.close();
    }

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void assetsCreateGetListWithPagingAndFilters() {
        String prefix = name("sdk");
        Response<AssetInner> first = ams.serviceClient().getAssets().createOrUpdateWithResponse(rg, acct, prefix + "-0",
                new AssetInner().withAlternateId("alt-" + prefix), Context.NONE);
        assertEquals(201, first.getStatusCode());
        assertNull(first.getValue().container(), "the 201 of a PUT without a container has none");
        assertEquals(200, ams.serviceClient().getAssets().createOrUpdateWithResponse(rg, acct, prefix + "-0",
                new AssetInner().withAlternateId("alt-" + prefix), Context.NONE).getStatusCode());
        for (int i = 1; i < 5; i++) {
            ams.assets().define(prefix + "-" + i).withExistingMediaService(rg, acct).withDescription("n" + i).create();
        }
        Asset got = ams.assets().get(rg, acct, prefix + "-0");
        assertEquals("asset-" + got.assetId(), got.container());
        assertEquals("alt-" + prefix, got.alternateId());
        assertTrue(pair.armDatacenter("a").storage().containerExists(got.container()));

        String filter = "name gt '" + prefix + "-' and name lt '" + prefix + "-~'";
        List<String> names = new ArrayList<>();
        int pages = 0;
        for (PagedResponse<Asset> page : ams.assets().list(rg, acct, filter, 2, null, Context.NONE).iterableByPage()) {
            page.getValue().forEach(a -> names.add(a.name()));
            pages++;
        }
        assertEquals(3, pages, "five assets at $top=2 are three pages, followed by nextLink");
        assertEquals(List.of(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"), names);
        List<String> byAlternate = ams.assets().list(rg, acct, "properties/alternateId eq 'alt-" + prefix + "'", null, null,
                Context.NONE).stream().map(Asset::name).toList();
        assertEquals(List.of(prefix + "-0"), byAlternate);
        List<String> desc = ams.assets().list(rg, acct, filter, null, "name desc", Context.NONE).stream().map(Asset::name).toList();
        assertEquals(prefix + "-4", desc.get(0));
        List<String> recent = ams.assets().list(rg, acct, "properties/created gt " + OffsetDateTime.now().minusMinutes(5)
                + " and " + filter, null, null, Context.NONE).stream().map(Asset::name).toList();
        assertEquals(5, recent.size());
    }

    @Test
    void missingResourcesAre404NotFound() {
        ManagementException asset = assertThrows(ManagementException.class, () -> ams.assets().get(rg, acct, "no-such-asset"));
        assertEquals(404, asset.getResponse().getStatusCode());
        assertEquals("NotFound", asset.getValue().getCode());
        ManagementException locator = assertThrows(ManagementException.class,
                () -> ams.streamingLocators().get(rg, acct, "no-such-locator"));
        assertEquals(404, locator.getResponse().getStatusCode());
        assertEquals("NotFound", locator.getValue().getCode());
    }

    @Test
    void listContainerSasUploadsThroughTheSasUrl() {
        String n = name("sas");
        ams.assets().define(n).withExistingMediaService(rg, acct).create();
        List<String> urls = ams.assets().listContainerSas(rg, acct, n, new ListContainerSasInput()
                .withPermissions(AssetContainerPermission.READ_WRITE).withExpiryTime(OffsetDateTime.now().plusHours(1)))
                .assetContainerSasUrls();
        assertEquals(2, urls.size());
        BlobContainerClient c = new BlobContainerClientBuilder().endpoint(urls.get(0)).buildClient();
        c.getBlobClient("from-sdk.txt").upload(BinaryData.fromString("uploaded through listContainerSas"));
        Asset a = ams.assets().get(rg, acct, n);
        List<String> inStorage = pair.armDatacenter("a").storage().container(a.container()).listBlobs().stream()
                .map(BlobItem::getName).toList();
        assertEquals(List.of("from-sdk.txt"), inStorage);
        ManagementException tooLong = assertThrows(ManagementException.class, () -> ams.assets().listContainerSas(rg, acct, n,
                new ListContainerSasInput().withPermissions(AssetContainerPermission.READ)
                        .withExpiryTime(OffsetDateTime.now().plusHours(30))));
        assertEquals(400, tooLong.getResponse().getStatusCode());
    }

    @Test
    void locatorWithAGivenIdListsPathsAndADuplicateIs409() {
        String n = name("loc");
        ams.assets().define(n).withExistingMediaService(rg, acct).create();
        String sas = ams.assets().listContainerSas(rg, acct, n, new ListContainerSasInput()
                .withPermissions(AssetContainerPermission.READ_WRITE).withExpiryTime(OffsetDateTime.now().plusHours(1)))
                .assetContainerSasUrls().get(0);
        new BlobContainerClientBuilder().endpoint(sas).buildClient().getBlobClient("show.ism").upload(BinaryData.fromString("<smil/>"));
        UUID id = UUID.randomUUID();
        StreamingLocator l = ams.streamingLocators().define(n).withExistingMediaService(rg, acct).withAssetName(n)
                .withStreamingPolicyName("Predefined_ClearStreamingOnly").withStreamingLocatorId(id).create();
        assertEquals(id, l.streamingLocatorId());
        assertEquals(OffsetDateTime.parse("9999-12-31T23:59:59.9999999Z").toInstant(), l.endTime().toInstant());
        ListPathsResponse paths = ams.streamingLocators().listPaths(rg, acct, n);
        StreamingPath hls = paths.streamingPaths().stream().filter(p -> p.streamingProtocol() == StreamingPolicyStreamingProtocol.HLS)
                .findFirst().orElseThrow();
        assertEquals("/" + id + "/show.ism/manifest(format=m3u8-aapl)", hls.paths().get(0));

        ManagementException sameName = assertThrows(ManagementException.class, () -> ams.streamingLocators().define(n)
                .withExistingMediaService(rg, acct).withAssetName(n).withStreamingPolicyName("Predefined_ClearStreamingOnly").create());
        assertEquals(409, sameName.getResponse().getStatusCode());
        assertEquals("Conflict", sameName.getValue().getCode());
        ManagementException sameId = assertThrows(ManagementException.class, () -> ams.streamingLocators().define(n + "-b")
                .withExistingMediaService(rg, acct).withAssetName(n).withStreamingPolicyName("Predefined_ClearStreamingOnly")
                .withStreamingLocatorId(id).create());
        assertEquals(409, sameId.getResponse().getStatusCode());
        assertEquals(1, ams.assets().listStreamingLocators(rg, acct, n).streamingLocators().size());
    }

    @Test
    void streamingEndpointStopAndStartThroughTheSdksPoller() throws Exception {
        StreamingEndpoint ep = ams.streamingEndpoints().get(rg, acct, "default");
        assertEquals(dc.streamingHost(), ep.hostname());
        assertEquals(StreamingEndpointResourceState.RUNNING, ep.resourceState());
        SyncPoller<PollResult<Void>, Void> stop = ams.serviceClient().getStreamingEndpoints().beginStop(rg, acct, "default");
        PollResponse<PollResult<Void>> firstPoll = stop.poll();
        assertEquals(LongRunningOperationStatus.IN_PROGRESS, firstPoll.getStatus());
        assertEquals(StreamingEndpointResourceState.STOPPING, ams.streamingEndpoints().get(rg, acct, "default").resourceState());
        stop.waitForCompletion(Duration.ofSeconds(30));
        assertEquals(StreamingEndpointResourceState.STOPPED, ams.streamingEndpoints().get(rg, acct, "default").resourceState());
        assertEquals(503, status(dc.originUrl() + "/"));
        ams.streamingEndpoints().start(rg, acct, "default");
        assertEquals(StreamingEndpointResourceState.RUNNING, ams.streamingEndpoints().get(rg, acct, "default").resourceState());
        assertEquals(200, status(dc.originUrl() + "/"));
    }

    int status(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aTransformAndAJobRunToFinishedAndStream(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("clip.mp4");
        Ffmpeg.makeSample(pair.ffmpeg(), sample, 3);
        String in = name("in");
        String out = name("out");
        ams.assets().define(in).withExistingMediaService(rg, acct).create();
        ams.assets().define(out).withExistingMediaService(rg, acct).create();
        String sas = ams.assets().listContainerSas(rg, acct, in, new ListContainerSasInput()
                .withPermissions(AssetContainerPermission.READ_WRITE).withExpiryTime(OffsetDateTime.now().plusHours(1)))
                .assetContainerSasUrls().get(0);
        new BlobContainerClientBuilder().endpoint(sas).buildClient().getBlobClient("clip.mp4").uploadFromFile(sample.toString());
        String t = name("adaptive");
        ams.transforms().define(t).withExistingMediaService(rg, acct).withOutputs(List.of(new TransformOutput()
                .withPreset(new BuiltInStandardEncoderPreset().withPresetName(EncoderNamedPreset.ADAPTIVE_STREAMING)))).create();
        String j = name("job");
        Job job = ams.jobs().define(j).withExistingTransform(rg, acct, t).withInput(new JobInputAsset().withAssetName(in))
                .withOutputs(List.of(new JobOutputAsset().withAssetName(out))).create();
        assertEquals(JobState.QUEUED, job.state());
        List<JobState> states = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            job = ams.jobs().get(rg, acct, t, j);
            if (states.isEmpty() || !states.get(states.size() - 1).equals(job.state())) {
                states.add(job.state());
            }
            if (job.state() == JobState.FINISHED || job.state() == JobState.ERROR || job.state() == JobState.CANCELED) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(JobState.FINISHED, job.state(), states.toString());
        assertTrue(states.contains(JobState.PROCESSING), states.toString());
        assertEquals(100, job.outputs().get(0).progress());

        UUID id = UUID.randomUUID();
        ams.streamingLocators().define(name("pub")).withExistingMediaService(rg, acct).withAssetName(out)
                .withStreamingPolicyName("Predefined_ClearStreamingOnly").withStreamingLocatorId(id).create();
        String host = ams.streamingEndpoints().get(rg, acct, "default").hostname();
        List<String> paths = new ArrayList<>();
        ams.streamingLocators().list(rg, acct).stream().filter(l -> id.equals(l.streamingLocatorId())).forEach(l ->
                ams.streamingLocators().listPaths(rg, acct, l.name()).streamingPaths().forEach(p -> paths.addAll(p.paths())));
        assertFalse(paths.isEmpty());
        for (String p : paths) {
            assertEquals(200, status("http://" + host + p), p);
        }
    }
}
