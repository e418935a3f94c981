package dev.amsh.shell;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.error.AmshException;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.library.AssetComparison;
import dev.amsh.ops.library.CompareReport;
import dev.amsh.ops.library.Drift;
import dev.amsh.ops.library.ReplicateReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * compare and replicate as typed and from Groovy, scripts/replicate-published.groovy and scripts/outage.groovy,
 * on the shared local pair (each test on assets of its own prefix).
 */
@ExtendWith(LocalPairExtension.class)
class LibraryRunbooksTest {
    static Path script(String name) {
        return Path.of(System.getProperty("amsh.home"), "scripts", name);
    }

    @Test
    void typedCompareFailsUntilInSyncAndGroovyGetsTheReports(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        String prefix = "lib" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Asset one = PublishedAssets.make(a, prefix + "0", 1);
        PublishedAssets.make(a, prefix + "1", 2);

        AmshException notInSync = assertThrows(AmshException.class, () -> f.session.execute("compare a b --name " + prefix + "*"));
        assertTrue(notInSync.getMessage().contains("are not in sync: 2 asset(s) differ"), notInSync.getMessage());
        String shown = f.take();
        assertTrue(shown.contains("missing  " + prefix + "0") && shown.contains("locator missing"), shown);

        assertThrows(AmshException.class, () -> f.session.execute("replicate --to b"), "a selection is required");
        assertTrue(f.take().isEmpty());

        f.session.execute("replicate --name " + prefix + "* --to b --dry-run");
        String plan = f.take();
        assertTrue(plan.contains("planned  a->b  " + prefix + "0") && plan.contains("dry run, nothing changed"), plan);
        assertTrue(b(f).ams().listAssets(Query.filter("Name eq '" + one.containerName() + "'")).toList().isEmpty(),
                "a dry run changes nothing");

        Object r = f.session.scripts().evaluate("replicate(name: '" + prefix + "*', to: 'b')");
        ReplicateReport report = assertInstanceOf(ReplicateReport.class, r);
        assertTrue(report.succeeded(), report.summary());
        assertEquals(2, report.assets().size());
        assertTrue(report.assets().stream().allMatch(o -> !o.urls().isEmpty() && o.urls().get(0).endsWith(".ism/manifest")),
                "the replicated manifest URLs: " + report.assets());
        PublishedAssets.assertReplicated(a, b(f), one);

        CompareReport c = assertInstanceOf(CompareReport.class,
                f.session.scripts().evaluate("compare('a', 'b', name: '" + prefix + "*')"));
        assertTrue(c.inSync(), c.summary());
        f.take();
        f.session.execute("compare a b " + one.name() + " --deep");
        assertTrue(f.take().contains("in sync (") , "deep: the origins serve the same bytes");
        // the replica's manifest rewritten with other bytes of the same length: the origins now differ
        Asset replica = PublishedAssets.replicaOf(b(f), one);
        var ism = b(f).storage().container(replica.containerName()).getBlobClient(one.name() + ".ism");
        long size = ism.getProperties().getBlobSize();
        ism.upload(BinaryData.fromString("x".repeat((int) size)), true);
        CompareReport deep = assertInstanceOf(CompareReport.class,
                f.session.scripts().evaluate("compare('a', 'b', '" + one.name() + "', deep: true)"));
        assertEquals(List.of(Drift.Kind.BLOB_DIFFERS, Drift.Kind.CONTENT_DIFFERS),
                deep.differing().get(0).drifts().stream().map(d -> d.kind()).toList(), deep.differing().get(0).line());
        f.session.execute("replicate " + one.name() + " --to b");
        f.take();
        f.session.execute("compare a b " + one.name() + " -o json");
        String json = f.take();
        assertTrue(json.contains("\"status\" : \"IN_SYNC\"") && json.contains(one.id()), json);
    }

    @Test
    void replicatePublishedRunbookThenOutageRunbookBothWays(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        AccountContext b = b(f);
        String prefix = "out" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<Asset> onA = List.of(PublishedAssets.make(a, prefix + "a0", 1), PublishedAssets.make(a, prefix + "a1", 1));

        f.session.scripts().runFile(script("replicate-published.groovy"), List.of("--name", prefix + "*"));
        String out = f.take();
        assertTrue(out.contains("replicated  a->b  " + prefix + "a0") && out.contains("2 of 2 compared asset(s) match on b"), out);
        f.session.scripts().runFile(script("replicate-published.groovy"), List.of("--name", prefix + "*"));
        assertTrue(f.take().contains("2 asset(s), 2 in sync"), "a re-run finds nothing to do");

        // the outage: one blob lost on b, and an asset published only on b
        Asset replica = PublishedAssets.replicaOf(b, onA.get(1));
        b.storage().container(replica.containerName()).getBlobClient(onA.get(1).name() + ".ism").delete();
        Asset onlyB = PublishedAssets.make(b, prefix + "b0", 1);
        f.session.scripts().runFile(script("outage.groovy"), List.of("--name", prefix + "*", "--both-ways"));
        String flow = f.take();
        assertTrue(flow.contains("blob missing " + onA.get(1).name() + ".ism"), flow);
        assertTrue(flow.contains("replicated  a->b  " + prefix + "a1") && flow.contains("replicated  b->a  " + prefix + "b0"), flow);
        assertTrue(flow.contains("in sync") && flow.contains("== 4. replicated streaming URLs on b"), flow);
        PublishedAssets.assertReplicated(a, b, onA.get(1));
        PublishedAssets.assertReplicated(b, a, onlyB);
        PublishedAssets.assertOriginsServeTheSameBytes(a, b, onA.get(1));
    }

    static AccountContext b(ShellFixture f) {
        return f.session.contexts().get("b");
    }
}
