package dev.amsh.faults;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.ops.Publishing;
import dev.amsh.ops.RunMarker;
import dev.amsh.storage.BlobEntry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Published assets made for fault tests, and the checks that a replica on b is whole and nothing was left. */
public final class PublishedAssets {
    private PublishedAssets() {
    }

    /**
     * An asset like an encode leaves it (a .ism, two MP4s, and an empty file), published through {@code locators}
     * origin locators of its own Ids.
     */
    public static Asset make(AccountContext a, String name, int locators) {
        Asset asset = a.ams().createAsset(name, 0, null);
        var container = a.storage().container(asset.containerName());
        Random random = new Random(name.hashCode());
        byte[] video = new byte[40_000 + random.nextInt(10_000)];
        random.nextBytes(video);
        byte[] audio = new byte[6_000];
        random.nextBytes(audio);
        container.getBlobClient(name + ".ism").upload(BinaryData.fromString("<smil/>"));
        container.getBlobClient(name + "_640x360_1150.mp4").upload(BinaryData.fromBytes(video));
        container.getBlobClient(name + "_AACAudio_128.mp4").upload(BinaryData.fromBytes(audio));
        container.getBlobClient(name + "_empty.txt").upload(BinaryData.fromBytes(new byte[0]));
        register(a, asset.id());
        for (int i = 0; i < locators; i++) {
            publish(a, asset.id(), 30 + i, i == 0 ? null : UUID.randomUUID());
        }
        return a.ams().getAsset(asset.id());
    }

    /** Registers the container's blobs as the asset's files, as 'fileinfos' does, the one .ism primary. */
    public static void register(AccountContext c, String asset) {
        Datacenter dc = c.datacenter();
        dc.registerFiles(dc.resolve(asset));
    }

    /**
     * As 'publish' does: the asset's unexpired locator, else a new one that lives {@code days}; with {@code guid} a
     * locator of that GUID.
     */
    public static OriginLocator publish(AccountContext c, String asset, int days, UUID guid) {
        return new Publishing(Clock.systemUTC()).publish(c.datacenter(), asset, days, guid == null ? null : guid.toString())
                .locator();
    }

    /** b holds exactly one replica with every blob (length and MD5) and every origin locator (Id and window). */
    public static void assertReplicated(AccountContext a, AccountContext b, Asset source) {
        List<Asset> targets = b.ams().listAssets(Query.filter("Name eq " + Query.literal(source.containerName()))).toList();
        assertEquals(1, targets.size(), "exactly one target asset on b: " + targets);
        Asset target = targets.get(0);
        Map<String, BlobEntry> want = a.storage().list(source.containerName()).stream()
                .collect(Collectors.toMap(BlobEntry::name, Function.identity()));
        Map<String, BlobEntry> got = b.storage().list(target.containerName()).stream()
                .collect(Collectors.toMap(BlobEntry::name, Function.identity()));
        assertEquals(want.keySet(), got.keySet(), "every blob, the empty one too");
        want.forEach((n, e) -> {
            assertEquals(e.length(), got.get(n).length(), n);
            assertEquals(e.contentMd5(), got.get(n).contentMd5(), n);
        });
        assertEquals(want.size(), b.ams().listFiles(target.id()).size(), "every blob registered as a file");
        List<Locator> origins = a.ams().listLocatorsOf(source.id()).stream().filter(Locator::onDemandOrigin).toList();
        for (Locator l : origins) {
            Locator replica = b.ams().findLocator(l.id()).orElseThrow(() -> new AssertionError("locator " + l.id() + " missing on b"));
            assertEquals(target.id(), replica.assetId());
            assertEquals(l.expirationDateTime().getEpochSecond(), replica.expirationDateTime().getEpochSecond(), "same expiry");
            assertEquals(l.startTime() == null ? null : l.startTime().getEpochSecond(),
                    replica.startTime() == null ? null : replica.startTime().getEpochSecond(), "same start");
        }
    }

    /** Every file of every origin locator: b's origin answers with a's bytes under the same path. */
    public static void assertOriginsServeTheSameBytes(AccountContext a, AccountContext b, Asset source) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<dev.amsh.ams.model.AssetFile> files = a.ams().listFiles(source.id());
        for (Locator l : a.ams().listLocatorsOf(source.id())) {
            if (!l.onDemandOrigin()) {
                continue;
            }
            Locator replica = b.ams().findLocator(l.id()).orElseThrow();
            for (dev.amsh.ams.model.AssetFile f : files) {
                var fromA = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(l.path() + f.name())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                var fromB = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(replica.path() + f.name())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, fromA.statusCode(), l.path() + f.name());
                assertEquals(200, fromB.statusCode(), replica.path() + f.name());
                assertArrayEquals(fromA.body(), fromB.body(), f.name());
            }
        }
    }

    /**
     * No temporary SAS locator on the given assets, no temporary policy in the account, and no stored access
     * policy left on the assets' container ACLs beyond their remaining SAS locators.
     */
    public static void assertNoTemporaries(AccountContext c, List<Asset> assets) {
        AmsClient ams = c.ams();
        assertEquals(List.of(), ams.listAccessPolicies(Query.filter("startswith(Name," + Query.literal(RunMarker.PREFIX) + ")"))
                .stream().map(p -> p.name()).toList(), "temporary policies on " + c.name());
        for (Asset asset : assets) {
            List<Locator> locators = ams.listLocatorsOf(asset.id());
            assertEquals(List.of(), locators.stream().filter(l -> l.sas() && RunMarker.isTemporary(l.name()))
                    .map(Locator::id).toList(), "temporary SAS locators on " + asset.name() + " on " + c.name());
            long sas = locators.stream().filter(Locator::sas).count();
            var acl = c.storage().container(asset.containerName()).getAccessPolicy().getIdentifiers();
            assertEquals(sas, acl == null ? 0 : acl.size(), "ACL entries only for remaining SAS locators, " + asset.name());
        }
    }

    /** The replica of {@code source} on b (there must be exactly one). */
    public static Asset replicaOf(AccountContext b, Asset source) {
        List<Asset> targets = b.ams().listAssets(Query.filter("Name eq " + Query.literal(source.containerName()))).toList();
        assertEquals(1, targets.size(), "exactly one target asset on b: " + targets);
        return targets.get(0);
    }
}
