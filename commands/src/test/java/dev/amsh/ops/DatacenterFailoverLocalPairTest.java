package dev.amsh.ops;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Kind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The failover written once against the Datacenter seam, run v2 → v2 on the local pair through V2Datacenter: the
 * same GUID on both sides, URLs equal but for the host, the bytes through both origins equal, SAS locators removed,
 * and a re-run that finds what the first made.
 */
@ExtendWith(LocalPairExtension.class)
class DatacenterFailoverLocalPairTest {
    AccountContext a;
    AccountContext b;
    String name;

    @BeforeEach
    void contexts(LocalPair pair) {
        PairContexts pc = new PairContexts(pair);
        a = pc.contexts.get("a");
        b = pc.contexts.get("b");
        name = "seam-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Asset publishedAsset() {
        Asset asset = a.ams().createAsset(name, 0, null);
        var container = a.storage().container(asset.containerName());
        container.getBlobClient("movie.ism").upload(BinaryData.fromString("<smil/>"));
        container.getBlobClient("movie_640x360_1150.mp4").upload(BinaryData.fromBytes(new byte[50_000]));
        PublishedAssets.register(a, asset.id());
        PublishedAssets.publish(a, asset.id(), 30, null);
        return asset;
    }

    static String get(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() + ":" + r.body().length;
    }

    long sasLocators(AccountContext c) {
        return c.ams().listLocators(Query.all()).stream().filter(Locator::sas).count();
    }

    @Test
    void v2ToV2OnTheSeamKeepsTheGuidAndThePathAndServesTheSameBytes() throws Exception {
        Asset source = publishedAsset();
        assertEquals(Kind.V2, a.datacenter().kind());
        long sasA = sasLocators(a);
        long sasB = sasLocators(b);
        List<Step> steps = new ArrayList<>();
        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, name,
                new DatacenterFailover.Options(false, true, CopyOptions.defaults()), steps::add, p -> { }, new CopyCancellation());

        assertEquals(r.sourceLocator().guid(), r.targetLocator().guid(), "same GUID on both sides");
        assertEquals(r.sourceLocator().id(), r.targetLocator().id(), "v2: the same nb:lid Id");
        assertNotEquals(r.originalUrl(), r.replicatedUrl());
        assertEquals(r.originalUrl().replaceFirst("^http://[^/]+", ""), r.replicatedUrl().replaceFirst("^http://[^/]+", ""));
        assertTrue(r.originalUrl().endsWith("/movie.ism/manifest"), r.originalUrl());
        assertEquals(source.containerName(), r.target().name());
        assertEquals("{\"amshReplicaOf\":\"" + source.id() + "\"}", r.target().alternateId(), "marked as amsh's replica");
        assertTrue(steps.stream().anyMatch(s -> s.number() == 6 && s.status() == Step.Status.DONE
                && s.detail().startsWith("2 files registered")), String.valueOf(steps));
        assertEquals(2, steps.stream().filter(s -> s.status() == Step.Status.CLEANUP).count(), String.valueOf(steps));
        assertEquals(sasA, sasLocators(a), "read SAS locator removed");
        assertEquals(sasB, sasLocators(b), "write SAS locator removed");

        String base = r.originalUrl().replace("movie.ism/manifest", "");
        String baseB = r.replicatedUrl().replace("movie.ism/manifest", "");
        for (String file : List.of("movie.ism", "movie_640x360_1150.mp4")) {
            assertEquals("200:" + (file.endsWith(".ism") ? 7 : 50000), get(base + file));
            assertEquals(get(base + file), get(baseB + file), file);
        }

        List<Step> again = new ArrayList<>();
        DatacenterFailover.Result second = new DatacenterFailover(Clock.systemUTC()).run(a, b, name, DatacenterFailover.Options.defaults(),
                again::add, p -> { }, new CopyCancellation());
        assertEquals(r.target().id(), second.target().id(), "the re-run reuses the target");
        assertTrue(again.stream().anyMatch(s -> s.number() == 7 && s.status() == Step.Status.SKIPPED
                && s.detail().contains("(already there)")), String.valueOf(again));
        assertEquals(1, b.ams().listAssets(Query.filter("Name eq '" + source.containerName() + "'")).toList().size(),
                "no second replica");
    }

    @Test
    void anUnpublishedAssetIsRefusedBeforeAnyChange() {
        a.ams().createAsset(name, 0, null);
        AmshException e = assertThrows(AmshException.class, () -> new DatacenterFailover(Clock.systemUTC()).run(a, b, name,
                DatacenterFailover.Options.defaults(), s -> { }, p -> { }, new CopyCancellation()));
        assertEquals("asset " + name + " has no origin locator on a (publish it first: publish " + name + " --on a)", e.oneLine());
    }
}
