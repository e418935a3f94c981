package dev.amsh.shell;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.error.AmshException;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.storage.BlobEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** compare and replicate of an asset the user names that is not published, and of a glob that matches nothing. */
@ExtendWith(LocalPairExtension.class)
class NamedSelectionTest {
    @Test
    void aNamedAssetThatIsNotPublishedIsComparedAndReplicatedAndSaysItHasNoLocatorToClone(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        AccountContext b = f.session.contexts().get("b");
        String name = "raw-" + UUID.randomUUID().toString().substring(0, 6);
        Asset raw = a.ams().createAsset(name, Asset.OPTION_NONE, null);
        a.storage().container(raw.containerName()).getBlobClient(name + ".mp4").upload(BinaryData.fromBytes(new byte[12_345]));
        a.ams().createFileInfos(raw.id());

        AmshException differs = assertThrows(AmshException.class, () -> f.session.execute("compare a b " + name));
        String out = f.take();
        assertTrue(out.contains(name) && out.contains("1 asset(s)") && out.contains("NOT in sync"), out);
        assertTrue(differs.getMessage().contains("are not in sync: 1 asset(s) differ"), differs.getMessage());

        f.session.execute("replicate " + name + " --to b");
        out = f.take();
        assertTrue(out.contains("replicated  a->b  " + name), out);
        assertTrue(out.contains("not published on a: no locator to clone"), out);
        Asset replica = PublishedAssets.replicaOf(b, raw);
        List<BlobEntry> blobs = b.storage().list(replica.containerName());
        assertEquals(1, blobs.size(), blobs.toString());
        assertEquals(12_345, blobs.get(0).length());
        assertEquals(1, b.ams().listFiles(replica.id()).size(), "the blob registered as a file on b");
        assertEquals(List.of(), b.ams().listLocatorsOf(replica.id()), "no locator: a has none to clone");

        f.session.execute("compare a b " + name);
        out = f.take();
        assertTrue(out.contains("1 asset(s), 1 in sync - in sync"), out);
    }

    @Test
    void aGlobThatMatchesNothingIsAClearRefusalNotAnEmptySuccess(LocalPair pair) {
        ShellFixture f = new ShellFixture(pair);
        String glob = "nomatch-" + UUID.randomUUID().toString().substring(0, 6) + "-*";
        AmshException c = assertThrows(AmshException.class, () -> f.session.execute("compare a b --name '" + glob + "'"));
        assertEquals("no published asset of a matches --name '" + glob + "'", c.getMessage());
        AmshException r = assertThrows(AmshException.class, () -> f.session.execute("replicate --name '" + glob + "' --to b"));
        assertEquals("no published asset of a matches --name '" + glob + "'", r.getMessage());
        assertFalse(f.take().contains("0 asset(s)"));
    }
}
