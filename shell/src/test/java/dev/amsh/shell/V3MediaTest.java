package dev.amsh.shell;

import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.MediaJob;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.encoder.Ffmpeg;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Encode;
import dev.amsh.ops.Publishing;
import dev.amsh.ops.Upload;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.render.TextView;
import dev.amsh.storage.CopyCancellation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * upload, encode, publish and jobs on the v3 datacenter of a mixed pair (a v2, b v3), typed as on v2: the asset PUT
 * and the blob into its container, a Transform with the built-in AdaptiveStreaming preset and a Job whose lost 201
 * is looked up by name (one job, not two), the output published and served; an upload cancelled or refused leaves
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V3MediaTest {
    LocalPair pair;
    ShellFixture shell;
    Path data;
    Path sample;
    String accountPath;

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("amsh-v3media");
        pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3))).start();
        shell = new ShellFixture(pair);
        sample = data.resolve("v3_sample.mp4");
        Ffmpeg.makeSample(pair.ffmpeg(), sample, 3);
        Endpoints.DatacenterEndpoints b = pair.endpoints(null, null).get("b");
        accountPath = "/subscriptions/" + b.subscriptionId() + "/resourceGroups/" + b.resourceGroup()
                + "/providers/Microsoft.Media/mediaServices/" + b.accountName();
    }

    @AfterAll
    void stop() throws Exception {
        pair.close();
    }

    @AfterEach
    void off() {
        pair.faults().set(FaultPlan.OFF);
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void uploadEncodePublishOnV3WithTheJobCreatesAnswerLost() throws Exception {
        String movie = "movie-" + UUID.randomUUID().toString().substring(0, 6);
        Datacenter b = shell.session.contexts().get("b").datacenter();

        shell.session.execute("m = upload " + sample + " --asset " + movie + " --on b");
        MediaAsset uploaded = (MediaAsset) shell.session.variables().get("m");
        assertEquals(movie, uploaded.name());
        assertEquals(List.of("v3_sample.mp4"), b.files(b.resolve(movie)).stream().map(MediaFile::name).toList());
        assertEquals(Files.size(sample), b.files(b.resolve(movie)).get(0).size(), "every byte of the file");

        pair.faults().set(new FaultPlan(1.0, Set.of(FaultKind.LOST_RESPONSE), 1, Set.of("b"), Set.of(Surface.API),
                "PUT " + accountPath + "/transforms/AdaptiveStreaming/jobs/", 1));
        shell.session.execute("e = encode " + movie + " --on b");
        assertEquals(1, pair.faults().injected().size(), "the job PUT lost its answer: " + pair.faults().injected());
        pair.faults().set(FaultPlan.OFF);
        Encode.Result e = (Encode.Result) shell.session.variables().get("e");
        assertTrue(e.finished(), e.job().toString());
        assertEquals(movie + " - encoded", e.output().name(), "named as on v2");
        @SuppressWarnings("unchecked")
        List<MediaJob> jobs = (List<MediaJob>) shell.session.execute("jobs ls --on b");
        assertEquals(1, jobs.stream().filter(j -> movie.equals(j.input())).count(), "one job, not re-sent: " + jobs);
        assertEquals(1, b.assets(AssetQuery.all()).stream().filter(a -> a.name().equals(movie + " - encoded")).count());
        assertTrue(b.files(e.output()).stream().anyMatch(f -> f.name().endsWith(".ism")), "the ladder is in the output");

        shell.take();
        shell.session.execute("jobs ls --on b -o tsv");
        assertTrue(shell.take().contains(e.job().name() + "\tFinished\t" + e.job().id()), "the v2 columns: name, state, id");
        TextView show = (TextView) shell.session.execute("jobs show " + e.job().id() + " --on b");
        assertTrue(show.text().contains("state Finished") && show.text().contains("output " + movie + " - encoded"), show.text());
        assertTrue(assertThrows(AmshException.class, () -> shell.session.execute("jobs cancel " + e.job().id() + " --on b"))
                .oneLine().contains("already Finished"));

        shell.session.execute("p = publish ${e.output.id} --on b");
        Publishing.Published p = (Publishing.Published) shell.session.variables().get("p");
        String manifest = p.urls().stream().filter(u -> u.endsWith("/manifest")).findFirst().orElseThrow();
        HttpResponse<byte[]> served = get(manifest);
        assertEquals(200, served.statusCode(), manifest);
        assertTrue(new String(served.body()).contains("SmoothStreamingMedia"), "a Smooth manifest of the ladder");

        // a name v3 already holds is refused, and nothing is changed
        long assets = b.assets(AssetQuery.all()).stream().count();
        AmshException taken = assertThrows(AmshException.class,
                () -> shell.session.execute("upload " + sample + " --asset " + movie + " --on b"));
        assertTrue(taken.oneLine().contains("already exists on b"), taken.oneLine());
        assertEquals(assets, b.assets(AssetQuery.all()).stream().count());
        assertEquals(1, b.files(b.resolve(movie)).size());
    }

    @Test
    void aCancelledUploadWithoutStorageKeysLeavesNoAsset() throws Exception {
        // b without storage keys: the blob goes through listContainerSas's ReadWrite URL
        ContextConfig keyed = shell.session.contexts().get("b").config();
        ContextConfig keyless = ContextConfig.v3(keyed.arm(), null, keyed.description());
        AccountContext b = new Contexts(Map.of("b", keyless), ContextEnvironment.create(new Redactor(), t -> { }, Map.of())).get("b");
        assertFalse(b.hasStorageKeys());
        Path big = data.resolve("big.mp4");
        byte[] chunk = new byte[1 << 20];
        new Random(1).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 32; i++) {
                out.write(chunk); // 32 MiB: four 8 MiB blocks, committed only at the end
            }
        }
        String name = "cancel-" + UUID.randomUUID().toString().substring(0, 8);
        CopyCancellation cancel = new CopyCancellation();
        AmshException e = assertThrows(AmshException.class, () -> new Upload(Clock.systemUTC()).run(b, big, name,
                new okhttp3.OkHttpClient(), done -> cancel.cancel(), cancel));
        assertTrue(e.oneLine().contains("cancelled; the new asset was removed"), e.oneLine());
        assertTrue(b.datacenter().named(name).isEmpty(), "the new asset was removed");

        // the same upload, not cancelled, lands through the SAS URL
        Upload.Result r = new Upload(Clock.systemUTC()).run(b, sample, name, new okhttp3.OkHttpClient(), done -> { },
                new CopyCancellation());
        assertEquals(Files.size(sample), r.file().size());
        assertEquals(List.of("v3_sample.mp4"), b.datacenter().files(r.asset()).stream().map(MediaFile::name).toList());
    }

    /**
     * scripts/failover.groovy on a v2 a → v3 b pair, to its end: upload, encode and publish on a, the SAS read on a
     * (a SAS locator, removed after), the target asset, b's write grant (a listContainerSas URL, nothing to remove),
     * the copy, step 6 skipped on v3 and saying why, the clone keeping the GUID; both URLs printed, differing only by
     * host, and the replica serves a's bytes.
     */
    @Test
    void theRunbookRunsOnAV2ToV3PairEachStepSayingWhatItDoesOnThatKind() throws Exception {
        ShellFixture f = new ShellFixture(pair);
        Path script = Path.of(System.getProperty("amsh.home"), "scripts", "failover.groovy");
        f.session.scripts().runFile(script, List.of(sample.toString()));
        String out = f.output();
        assertTrue(out.contains("a is v2, b is v3"), out);
        assertTrue(out.matches("(?s).*1\\. read access to a's container: SAS locator nb:lid:UUID:.*"), out);
        assertTrue(out.contains("a read-write listContainerSas URL (b is v3: no SAS locators there)"), out);
        assertTrue(out.contains("6. skipped: b is v3, which registers no files"), out);
        assertTrue(out.contains(".ism\n"), "fileinfos on b listed the copied blobs: " + out);
        assertTrue(out.contains("with streamingLocatorId"), out);
        assertTrue(out.contains("SAS on b: a v3 container URL, nothing to remove"), out);
        RunbookUrls urls = RunbookUrls.printed(out);
        URI fromA = urls.fromA();
        URI fromB = urls.fromB();
        HttpResponse<byte[]> servedA = get(fromA.toString());
        HttpResponse<byte[]> servedB = get(fromB.toString());
        assertEquals(200, servedB.statusCode());
        assertArrayEquals(servedA.body(), servedB.body(), "the same manifest through both origins");
        // a's read SAS locator went with its policy: a keeps only the origin locator
        AccountContext a = f.session.contexts().get("a");
        UUID guid = UUID.fromString(fromA.getPath().split("/")[1]);
        String assetId = a.ams().findLocator("nb:lid:UUID:" + guid).orElseThrow().assetId();
        assertTrue(a.ams().listLocatorsOf(assetId).stream().allMatch(Locator::onDemandOrigin), "no SAS locator left on a");
    }

    /**
     * A cancelled upload whose cleanup fails (every DELETE of its asset refused by the service) leaves its asset, made
     * and empty: the same upload run again adopts it by the upload's key in its alternateId and finishes, one asset and
     * every byte. A PUT whose answers are all lost is found by its own mark in the same run. An empty asset that is not
     * this upload's (no mark, or another file's) is refused, and nothing changes.
     */
    @Test
    void aRerunOfAFailedUploadAdoptsTheAssetItLeftAndRefusesAnyOther() throws Exception {
        AccountContext bContext = shell.session.contexts().get("b");
        Datacenter b = bContext.datacenter();
        String name = "left-" + UUID.randomUUID().toString().substring(0, 6);
        Path big = data.resolve("left.mp4");
        byte[] chunk = new byte[1 << 20];
        new Random(2).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 24; i++) {
                out.write(chunk); // 24 MiB: three 8 MiB blocks, committed only at the end
            }
        }
        pair.faults().set(new FaultPlan(1.0, Set.of(FaultKind.INTERNAL_ERROR), 1, Set.of("b"), Set.of(Surface.API),
                "DELETE " + accountPath + "/assets/" + name, 1000));
        CopyCancellation cancel = new CopyCancellation();
        AmshException failed = assertThrows(AmshException.class, () -> new Upload(Clock.systemUTC()).run(bContext, big, name,
                new okhttp3.OkHttpClient(), done -> cancel.cancel(), cancel));
        assertTrue(failed.oneLine().contains("could not be removed"), failed.oneLine());
        pair.faults().set(FaultPlan.OFF);
        MediaAsset left = b.resolve(name);
        assertTrue(left.alternateId().contains("\"amshUpload\":"), left.alternateId());
        assertTrue(b.files(left).isEmpty(), "the failed run left an empty asset");

        // the upload command's own operation (the command also refuses a file that is not media, as this one is)
        MediaAsset adopted = new Upload(Clock.systemUTC()).run(bContext, big, name, new okhttp3.OkHttpClient(), done -> { },
                new CopyCancellation()).asset();
        assertEquals(left.id(), adopted.id(), "the asset the failed run made, adopted");
        assertEquals(1, b.assets(AssetQuery.all()).stream().filter(a -> a.name().equals(name)).count());
        assertEquals(List.of(Files.size(big)), b.files(adopted).stream().map(MediaFile::size).toList(), "every byte");
        // finished now: the same upload again is refused, as any name v3 holds
        assertTrue(assertThrows(AmshException.class, () -> new Upload(Clock.systemUTC()).run(bContext, big, name,
                new okhttp3.OkHttpClient(), done -> { }, new CopyCancellation())).oneLine().contains("the same upload made it and finished"));

        // the PUT's answers lost, the look-up answered: this attempt's own asset, in one run
        String found = "found-" + UUID.randomUUID().toString().substring(0, 6);
        pair.faults().set(new FaultPlan(1.0, Set.of(FaultKind.LOST_RESPONSE), 1, Set.of("b"), Set.of(Surface.API),
                "PUT " + accountPath + "/assets/" + found, 1000));
        shell.session.execute("upload " + sample + " --asset " + found + " --on b");
        assertTrue(pair.faults().injected().size() > 1, "every answer to the PUT lost, the retries' too: " + pair.faults().injected());
        pair.faults().set(FaultPlan.OFF);
        assertEquals(List.of(Files.size(sample)), b.files(b.resolve(found)).stream().map(MediaFile::size).toList());

        // empty, but not this upload's: someone's asset, and another file's leftover
        String mine = "notmine-" + UUID.randomUUID().toString().substring(0, 6);
        shell.session.execute("assets create " + mine + " --on b");
        AmshException refused = assertThrows(AmshException.class,
                () -> shell.session.execute("upload " + sample + " --asset " + mine + " --on b"));
        assertTrue(refused.oneLine().contains("asset " + mine + " already exists on b"), refused.oneLine());
        Path other = data.resolve("other.mp4");
        Files.write(other, new byte[]{1, 2, 3});
        String otherLeft = "other-" + UUID.randomUUID().toString().substring(0, 6);
        b.encoding().createNewAsset(otherLeft, Upload.mark(otherLeft, "other.mp4", other));
        refused = assertThrows(AmshException.class,
                () -> shell.session.execute("upload " + sample + " --asset " + otherLeft + " --on b"));
        assertTrue(refused.oneLine().contains("already exists on b"), refused.oneLine());
        assertTrue(b.files(b.resolve(mine)).isEmpty() && b.files(b.resolve(otherLeft)).isEmpty(), "nothing changed");
    }
}
