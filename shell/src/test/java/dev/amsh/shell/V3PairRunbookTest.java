package dev.amsh.shell;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.encoder.Ffmpeg;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * scripts/failover.groovy on two v3 datacenters (high availability, as Microsoft's HA sample): upload, encode and
 * publish on a, both grants from listContainerSas (nothing to remove), step 6 skipped and saying why, the clone with
 * the same name and streamingLocatorId; the two printed URLs differ only by host and serve the same bytes.
 */
class V3PairRunbookTest {
    @Test
    void theRunbookRunsFromV3ToV3() throws Exception {
        Path data = Files.createTempDirectory("amsh-v3runbook");
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V3, DatacenterKind.V3))).start()) {
            ShellFixture f = new ShellFixture(pair);
            Path sample = data.resolve("ha.mp4");
            Ffmpeg.makeSample(pair.ffmpeg(), sample, 3);
            Path script = Path.of(System.getProperty("amsh.home"), "scripts", "failover.groovy");
            f.session.scripts().runFile(script, List.of(sample.toString()));
            String out = f.output();
            assertTrue(out.contains("a is v3, b is v3"), out);
            assertTrue(out.contains("1. read access to a's container: a listContainerSas URL (a is v3: no SAS locators there)"), out);
            assertTrue(out.contains("6. skipped: b is v3, which registers no files"), out);
            assertTrue(out.contains("SAS on a: a v3 container URL, nothing to remove")
                    && out.contains("SAS on b: a v3 container URL, nothing to remove"), out);
            RunbookUrls urls = RunbookUrls.printed(out);
            URI fromA = urls.fromA();
            URI fromB = urls.fromB();

            UUID guid = UUID.fromString(fromA.getPath().split("/")[1]);
            Datacenter a = f.session.contexts().get("a").datacenter();
            Datacenter b = f.session.contexts().get("b").datacenter();
            OriginLocator here = a.locator(guid).orElseThrow();
            OriginLocator there = b.locator(guid).orElseThrow();
            assertEquals(here.name(), there.name(), "the same locator name on both");
            MediaAsset replica = b.resolve(there.asset());
            assertEquals(a.files(a.resolve(here.asset())).size(), b.files(replica).size(), "every blob");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> servedA = http.send(HttpRequest.newBuilder(fromA).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> servedB = http.send(HttpRequest.newBuilder(fromB).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, servedA.statusCode());
            assertEquals(200, servedB.statusCode());
            assertArrayEquals(servedA.body(), servedB.body(), "the same manifest through both origins");
        }
    }
}
