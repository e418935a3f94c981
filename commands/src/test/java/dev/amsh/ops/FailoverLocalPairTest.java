package dev.amsh.ops;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.error.AmshException;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The failover operation end to end on the local pair: steps, URLs, cleanup, re-runs and refusals. */
@ExtendWith(LocalPairExtension.class)
class FailoverLocalPairTest {
    PairContexts pc;
    AccountContext a;
    AccountContext b;
    String name;

    @BeforeEach
    void contexts(LocalPair pair) {
        pc = new PairContexts(pair);
        a = pc.contexts.get("a");
        b = pc.contexts.get("b");
        name = "fo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A published asset on a with a manifest and two MP4s, as an encode would leave it. */
    Asset publishedAsset() {
        Asset asset = a.ams().createAsset(name, 0, null);
        var container = a.storage().container(asset.containerName());
        container.getBlobClient("movie.ism").upload(BinaryData.fromString("<smil/>"));
        container.getBlobClient("movie_640x360_1150.mp4").upload(BinaryData.fromBytes(new byte[50_000]));
        container.getBlobClient("movie_AACAudio_128_Audio1.mp4").upload(BinaryData.fromBytes(new byte[7_000]));
        PublishedAssets.register(a, asset.id());
        PublishedAssets.publish(a, asset.id(), 30, null);
        return asset;
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + ":" + r.body().length();
    }

    long sasLocators(AmsClient ams) {
        return ams.listLocators(Query.all()).stream().filter(Locator::sas).count();
    }

    long amshPolicies(AmsClient ams, String prefix) {
        return ams.listAccessPolicies(Query.all()).stream().filter(p -> p.name() != null && p.name().startsWith(prefix)).count();
    }

    @Test
    void theDocumentedStepsGiveUrlsThatDifferOnlyByHostAndLeaveNoSasBehind() throws Exception {
        Asset source = publishedAsset();
        long sasA = sasLocators(a.ams());
        long sasB = sasLocators(b.ams());
        List<dev.amsh.ops.Step> steps = new ArrayList<>();

        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, name,
                new DatacenterFailover.Options(false, true, CopyOptions.defaults()), steps::add, p -> { }, new CopyCancellation());

        assertEquals(r.sourceLocator().id(), r.targetLocator().id(), "same locator Id on both sides");
        assertNotEquals(r.originalUrl(), r.replicatedUrl());
        assertEquals(r.originalUrl().replaceFirst("^http://[^/]+", ""), r.replicatedUrl().replaceFirst("^http://[^/]+", ""),
                "the URLs differ only by host");
        assertTrue(r.originalUrl().endsWith("/movie.ism/manifest"), r.originalUrl());
        assertEquals(source.containerName(), r.target().name(), "target asset named after the source container");
        assertTrue(steps.stream().anyMatch(s -> s.number() == 2 && s.status() == Step.Status.DONE), "via-sas takes step 2");
        assertEquals(2, steps.stream().filter(s -> s.status() == Step.Status.CLEANUP).count());
        assertEquals(sasA, sasLocators(a.ams()), "read SAS locator removed");
        assertEquals(sasB, sasLocators(b.ams()), "write SAS locator removed");
        assertEquals(0, amshPolicies(b.ams(), "amsh write"));

        String baseA = a.datacenter().streamingBase(r.sourceLocator());
        String path = baseA.replaceFirst("^http://[^/]+", "");
        String originA = baseA.replace(path, "");
        String originB = b.datacenter().streamingBase(r.targetLocator()).replace(path, "");
        for (String file : List.of("movie.ism", "movie_640x360_1150.mp4", "movie_AACAudio_128_Audio1.mp4")) {
            assertEquals("200:" + (file.endsWith(".ism") ? 7 : file.contains("640") ? 50000 : 7000), get(originA + path + file));
            assertEquals(get(originA + path + file), get(originB + path + file), file);
        }
    }

    @Test
    void aRerunReusesWhatTheFirstRunMadeAndDryRunChangesNothing() {
        publishedAsset();
        DatacenterFailover failover = new DatacenterFailover(Clock.systemUTC());
        long assetsOnB = b.ams().listAssets(Query.all()).stream().count();
        List<Step> planned = new ArrayList<>();
        DatacenterFailover.Result plan = failover.run(a, b, name, new DatacenterFailover.Options(true, false, CopyOptions.defaults()),
                planned::add, p -> { }, new CopyCancellation());
        assertTrue(plan.dryRun());
        assertEquals(assetsOnB, b.ams().listAssets(Query.all()).stream().count(), "dry run creates nothing");
        assertTrue(planned.stream().anyMatch(s -> s.status() == Step.Status.PLANNED && s.title().startsWith("B4 copy")));

        DatacenterFailover.Result first = failover.run(a, b, name, DatacenterFailover.Options.defaults(), s -> { }, p -> { }, new CopyCancellation());
        List<Step> replanned = new ArrayList<>();
        failover.run(a, b, name, new DatacenterFailover.Options(true, false, CopyOptions.defaults()), replanned::add, p -> { },
                new CopyCancellation());
        assertTrue(replanned.stream().filter(s -> s.number() >= 3).allMatch(s -> s.status() == Step.Status.SKIPPED),
                "a plan after a full run has nothing left to do: " + replanned);
        List<Step> again = new ArrayList<>();
        DatacenterFailover.Result second = failover.run(a, b, name, DatacenterFailover.Options.defaults(), again::add, p -> { }, new CopyCancellation());
        assertEquals(first.target().id(), second.target().id());
        assertEquals(first.replicatedUrl(), second.replicatedUrl());
        assertEquals(0, second.copy().bytesCopied(), "nothing copied twice");
        assertTrue(again.stream().anyMatch(s -> s.number() == 7 && s.status() == Step.Status.SKIPPED));
        assertTrue(again.stream().anyMatch(s -> s.number() == 3 && s.status() == Step.Status.SKIPPED));
    }

    @Test
    void aWrongStorageKeyIsNamedBeforeAnythingIsCreated(LocalPair pair) {
        Asset source = publishedAsset();
        // b's storage key is wrong: the API works, the copy could not
        var endpoints = pair.endpoints(null, null).get("b");
        Map<String, ContextConfig> configs = Map.of("bad", new ContextConfig(endpoints.clusterApiRoot(),
                ContextConfig.Auth.acs(endpoints.accountName(), endpoints.accountKey(), endpoints.acsTokenUrl()),
                new ContextConfig.Storage(endpoints.storageAccountName(), "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=",
                        endpoints.blobEndpoint(), null), null));
        AccountContext broken = new Contexts(configs, ContextEnvironment.create(pc.redactor, t -> { }, Map.of())).get("bad");
        long sasB = sasLocators(b.ams());

        AmshException e = assertThrows(AmshException.class, () -> new DatacenterFailover(Clock.systemUTC()).run(a, broken, name,
                new DatacenterFailover.Options(false, true, CopyOptions.defaults()), s -> { }, p -> { }, new CopyCancellation()));

        assertTrue(e.oneLine().startsWith("context bad: storage account " + endpoints.storageAccountName()
                + " refused its key (HTTP 403 "), e.oneLine());
        assertTrue(e.oneLine().endsWith("(check the storage key of context bad ('context show bad'); nothing was changed)"),
                e.oneLine());
        assertTrue(b.ams().listAssets(Query.filter("Name eq '" + source.containerName() + "'")).toList().isEmpty(),
                "no empty target asset was made on b");
        assertEquals(sasB, sasLocators(b.ams()), "no write SAS on b");
    }

    @Test
    void aFailedCopyStillRemovesTheTemporarySasLocatorsAndPolicies(LocalPair pair) {
        publishedAsset();
        long sasA = sasLocators(a.ams());
        long sasB = sasLocators(b.ams());
        long policiesA = amshPolicies(a.ams(), RunMarker.PREFIX);
        long policiesB = amshPolicies(b.ams(), RunMarker.PREFIX);
        // every copy of an MP4 into b's storage fails, after the SAS locators were made
        pair.faults().set(new FaultPlan(1.0, Set.of(FaultKind.INTERNAL_ERROR), 1, Set.of("b"), Set.of(Surface.STORAGE),
                ".mp4", 0));
        try {
            AmshException e = assertThrows(AmshException.class, () -> new DatacenterFailover(Clock.systemUTC()).run(a, b, name,
                    new DatacenterFailover.Options(false, true, CopyOptions.defaults()), s -> { }, p -> { }, new CopyCancellation()));
            assertTrue(e.oneLine().startsWith("the copy failed for some blobs"), e.oneLine());
        } finally {
            pair.faults().set(FaultPlan.OFF);
        }
        assertEquals(sasA, sasLocators(a.ams()), "no read SAS left on a");
        assertEquals(sasB, sasLocators(b.ams()), "no write SAS left on b");
        assertEquals(policiesA, amshPolicies(a.ams(), RunMarker.PREFIX), "their policies removed on a");
        assertEquals(policiesB, amshPolicies(b.ams(), RunMarker.PREFIX), "and on b");
    }

    @Test
    void cloningAgainIsANoOpAndOntoAnotherAssetIsRefusedBeforeAnyChange() {
        publishedAsset();
        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, name, DatacenterFailover.Options.defaults(), s -> { }, p -> { },
                new CopyCancellation());
        long policiesOnB = b.ams().listAccessPolicies(Query.all()).stream().count();
        OriginLocator again = new Publishing(Clock.systemUTC()).cloneLocator(a.datacenter(), r.sourceLocator().id(),
                b.datacenter(), r.target().id(), false);
        assertEquals(r.targetLocator().id(), again.id(), "already there: the same locator");
        Asset other = b.ams().createAsset(name + "-other", 0, null);
        AmshException e = assertThrows(AmshException.class, () -> new Publishing(Clock.systemUTC())
                .cloneLocator(a.datacenter(), r.sourceLocator().id(), b.datacenter(), other.id(), false));
        assertTrue(e.getMessage().contains("already exists on b"), e.getMessage());
        assertEquals(policiesOnB, b.ams().listAccessPolicies(Query.all()).stream().count());
    }

    @Test
    void verifyComparesWhatBothOriginsServe() {
        publishedAsset();
        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, name, DatacenterFailover.Options.defaults(), s -> { }, p -> { },
                new CopyCancellation());
        VerifyFailover verify = new VerifyFailover(new okhttp3.OkHttpClient());
        VerifyFailover.Result good = verify.run(a, b, name, java.time.Instant.now());
        assertTrue(good.ok(), good.toString());
        assertEquals(3, good.files().size());

        b.storage().container(r.target().container()).getBlobClient("movie_640x360_1150.mp4")
                .upload(BinaryData.fromBytes(new byte[50_000 - 1]), true);
        VerifyFailover.Result bad = verify.run(a, b, name, java.time.Instant.now());
        assertFalse(bad.ok());
        assertEquals(List.of("movie_640x360_1150.mp4"),
                bad.files().stream().filter(f -> !f.same()).map(VerifyFailover.FileCheck::file).toList());
    }

    @Test
    void aRerunRemovesTheTemporarySasLocatorsAnInterruptedRunLeft() {
        Asset source = publishedAsset();
        long sasA = sasLocators(a.ams());
        long policiesA = amshPolicies(a.ams(), RunMarker.PREFIX);
        // what a run killed between its step 2 and its cleanup leaves on a
        SasLocator.create("a", a.ams(), source, false, java.time.Duration.ofHours(1), Clock.systemUTC(),
                RunMarker.create(UUID::randomUUID).name("read"));
        assertEquals(sasA + 1, sasLocators(a.ams()));
        List<Step> steps = new ArrayList<>();

        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, name,
                DatacenterFailover.Options.defaults(), steps::add, p -> { }, new CopyCancellation());

        assertTrue(r.clean(), r.leftovers().toString());
        assertTrue(steps.stream().anyMatch(s -> s.status() == Step.Status.CLEANUP && s.title().contains("interrupted run")
                && s.detail().equals("1 removed")), steps.toString());
        assertEquals(sasA, sasLocators(a.ams()), "the interrupted run's SAS locator is gone");
        assertEquals(policiesA, amshPolicies(a.ams(), RunMarker.PREFIX), "and its policy");
    }

    @Test
    void aFailoverRecordsItsCopySoVerifyCanCheckTheTargetAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runs) {
        Asset source = publishedAsset();
        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, name,
                DatacenterFailover.Options.defaults(), s -> { }, p -> { }, new CopyCancellation());
        dev.amsh.ops.library.AssetOutcome outcome = r.outcome("a", "b");
        assertEquals(r.target().id(), outcome.targetId());
        assertEquals(Set.of("movie.ism", "movie_640x360_1150.mp4", "movie_AACAudio_128_Audio1.mp4"),
                outcome.files().stream().map(dev.amsh.ops.library.RecordedFile::name).collect(java.util.stream.Collectors.toSet()));
        assertTrue(outcome.files().stream().allMatch(f -> f.contentMd5() != null), "each blob's MD5 as listed");

        dev.amsh.ops.library.ReplicationJournal.recordFailover(runs, outcome, java.time.Instant.now());
        var record = dev.amsh.ops.library.ReplicationJournal.lastRecord(runs, "a", "b", source.name()).orElseThrow();
        assertTrue(dev.amsh.ops.library.ReplicationJournal.latestUnfinished(runs).isEmpty(), "no run to resume");
        VerifyFromRecord.Result held = new VerifyFromRecord(new okhttp3.OkHttpClient()).run(b, record);
        assertTrue(held.ok(), held.toString());

        b.storage().container(r.target().container()).getBlobClient("movie_640x360_1150.mp4")
                .upload(BinaryData.fromBytes(new byte[50_000 - 1]), true);
        assertFalse(new VerifyFromRecord(new okhttp3.OkHttpClient()).run(b, record).ok(), "a changed blob is found");
    }

    @Test
    void failingOverOntoTheSourceContextIsRefused() {
        publishedAsset();
        AmshException e = assertThrows(AmshException.class, () -> new DatacenterFailover(Clock.systemUTC()).run(a, a, name,
                DatacenterFailover.Options.defaults(), s -> { }, p -> { }, new CopyCancellation()));
        assertEquals("--to a is the source context (fail over to the other datacenter)", e.oneLine());
    }

    @Test
    void theSixthLocatorSaysWhichLimitWasHit() {
        Asset asset = publishedAsset();
        for (int i = 0; i < 4; i++) {
            SasLocator.create("a", a.ams(), asset, false, java.time.Duration.ofHours(1), Clock.systemUTC(), "amsh sas read " + i);
        }
        long policies = a.ams().listAccessPolicies(Query.all()).stream().count();
        AmshException e = assertThrows(AmshException.class,
                () -> SasLocator.create("a", a.ams(), asset, false, java.time.Duration.ofHours(1), Clock.systemUTC(), "amsh sas read 5"));
        assertTrue(e.oneLine().contains("already has 5 locators") && e.oneLine().contains("sas rm"), e.oneLine());
        assertEquals(policies, a.ams().listAccessPolicies(Query.all()).stream().count(), "its policy was removed again");
    }

    @Test
    void storageEncryptedAssetsAreRefused() {
        Asset encrypted = a.ams().createAsset(name, Asset.OPTION_STORAGE_ENCRYPTED, null);
        AmshException e = assertThrows(AmshException.class, () -> new DatacenterCopy(Clock.systemUTC()).run(a, encrypted.id(), b,
                null, CopyOptions.defaults(), p -> { }, new CopyCancellation()));
        assertTrue(e.oneLine().contains("is storage-encrypted and cannot be replicated"), e.oneLine());
        assertTrue(b.ams().listAssets(Query.filter("Name eq '" + encrypted.containerName() + "'")).toList().isEmpty());
    }

    @Test
    void theClientFollowsTheGlobalRootOnceAndNoSecretIsTraced() {
        a.ams().listAssets(Query.all().top(1)).toList();
        a.ams().listAssets(Query.all().top(1)).toList();
        long redirects = pc.traces.stream().filter(t -> t.status() == 301).count();
        assertEquals(1, redirects, "the cluster root is remembered after the first 301");
        String all = String.join("\n", pc.traces.stream().map(dev.amsh.ams.http.HttpTrace::line).toList());
        assertFalse(all.contains(a.storageAccount().key()));
        assertFalse(all.matches("(?s).*sig=[^*].*"), "no SAS signature in the trace");
    }
}
