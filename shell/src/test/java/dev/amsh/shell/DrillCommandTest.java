package dev.amsh.shell;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.LocalService;
import dev.amsh.emulator.SampleLadder;
import dev.amsh.error.AmshException;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.script.ScriptHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code drill} from a session on a running pair: it fails the asset over first, plays it through the front
 * in chromium, takes a down, reports the viewer's timeline, writes the picture, and leaves the pair as it was.
 */
class DrillCommandTest {
    @Test
    void aDrillFailsOverPlaysThroughTheFrontAndLeavesThePairAsItWas(@TempDir Path data) throws Exception {
        try (LocalService service = new LocalService(LocalPair.Options.at(data, LocalPairExtension.toolsDir()),
                data.resolve(LocalService.ENDPOINTS_FILE)).start()) {
            StringWriter out = new StringWriter();
            Session s = session(service, data, out);
            AccountContext a = s.contexts().get("a");
            Asset asset = a.ams().createAsset("drillme", 0, null);
            for (var f : SampleLadder.files(service.pair().ffmpeg(), "drillme").entrySet()) {
                a.storage().container(asset.containerName()).getBlobClient(f.getKey()).upload(BinaryData.fromBytes(f.getValue()));
            }
            PublishedAssets.register(a, asset.id());
            s.execute("publish drillme");
            String frontBefore = service.pair().front().settings().toString();

            AmshException bad = assertThrows(AmshException.class, () -> s.execute("drill drillme --mode dns"));
            assertTrue(bad.oneLine().contains("--mode must be one of redirect, proxy, steering, not 'dns'"), bad.oneLine());
            out.getBuffer().setLength(0);

            s.execute("drill drillme --mode proxy --fail-after 4s --duration 11s");
            String text = out.toString();
            assertTrue(text.contains("b lacks locator"), "failed over first: " + text);
            assertTrue(text.contains("playback continued from b"), text);
            assertTrue(text.matches("(?s).*first segment from b: [0-9.]+ s \\([0-9.]+ s after the fall\\).*"), text);
            String timeline = text.substring(text.indexOf("timeline: ") + 10).strip();
            assertTrue(Files.readString(Path.of(timeline)).contains("<svg"), timeline);
            assertTrue(service.pair().datacenter("a").running(), "a is up again");
            assertEquals(frontBefore, service.pair().front().settings().toString(), "the front's settings restored");

            // a URL on the front, pasted into locator inspect: the front is named, and who serves behind it
            String path = text.substring(text.indexOf("playing ") + 8, text.indexOf(" for "));
            out.getBuffer().setLength(0);
            s.execute("locator inspect " + path);
            String inspected = out.toString();
            assertTrue(inspected.contains("the URL as given answers 200 (served by a); it is the local pair's front (proxy mode, "
                    + "sending viewers to a)"), inspected);
            assertTrue(inspected.contains("verdict: every context serves it"), inspected);
        }
    }

    /** The same drill on a mixed pair (v2 a, v3 b): the failover first is the migration, and b's v3 origin takes over. */
    @Test
    void aDrillOnAMixedPairFailsOverToV3AndPlaybackContinuesFromIt(@TempDir Path data) throws Exception {
        try (LocalService service = new LocalService(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3)), data.resolve(LocalService.ENDPOINTS_FILE)).start()) {
            StringWriter out = new StringWriter();
            Session s = session(service, data, out);
            AccountContext a = s.contexts().get("a");
            Asset asset = a.ams().createAsset("drillv3", 0, null);
            for (var f : SampleLadder.files(service.pair().ffmpeg(), "drillv3", 16).entrySet()) {
                a.storage().container(asset.containerName()).getBlobClient(f.getKey()).upload(BinaryData.fromBytes(f.getValue()));
            }
            PublishedAssets.register(a, asset.id());
            s.execute("publish drillv3");
            out.getBuffer().setLength(0);

            s.execute("drill drillv3 --mode proxy --fail-after 4s --duration 11s");
            String text = out.toString();
            assertTrue(text.contains("b lacks locator"), "failed over first: " + text);
            assertTrue(text.contains("streaming locator with streamingLocatorId"), "onto b's v3 kind: " + text);
            assertTrue(text.contains("playback continued from b"), text);
            assertTrue(service.pair().member("a").running(), "a is up again");
            Datacenter b = s.contexts().get("b").datacenter();
            assertEquals(1, b.assets(AssetQuery.all()).stream().filter(x -> x.name().equals(asset.containerName())).count(),
                    "the replica on b");
        }
    }

    /** A session on the service's pair, writing everything it prints to {@code out}. */
    private static Session session(LocalService service, Path data, StringWriter out) {
        Redactor redactor = new Redactor();
        Session s = new Session(redactor, Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
                Commands.registry(data), Clock.systemUTC(), ScriptHost::new);
        s.setToolsDir(LocalPairExtension.toolsDir());
        s.setRunsDir(data.resolve("runs"));
        s.setContexts(LocalPairConnector.contextsFor(service.endpoints(),
                ContextEnvironment.create(redactor, s.traceSink(), Map.of())));
        return s;
    }
}
