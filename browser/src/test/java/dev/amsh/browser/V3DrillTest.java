package dev.amsh.browser;

import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.SampleLadder;
import dev.amsh.emulator.arm.ArmTestClient;
import dev.amsh.emulator.front.FrontSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The drill on a pair of two v3 datacenters, set up as Microsoft's HA sample does (the same blobs and a streaming
 * locator with the same name and streamingLocatorId on each): HLS plays through the front in chromium, a is stopped
 * mid-play, and playback goes on with segments from b, whose URLs differ from a's only by host.
 */
class V3DrillTest {
    static final Map<String, String> PROBES = Map.of("interval", "500ms", "tolerated-failures", "1", "timeout", "300ms", "ttl", "2s");

    @Test
    void playbackContinuesFromTheSecondV3DatacenterWhenTheFirstFalls() throws Exception {
        Path data = Files.createTempDirectory("amsh-v3drill");
        Path chromium = Chromium.locate(System.out::println);
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V3, DatacenterKind.V3))).start();
             PlayerPage page = new PlayerPage(PlayerScripts.install(LocalPairExtension.toolsDir(), System.out::println), 0)) {
            String name = "drill-" + UUID.randomUUID().toString().substring(0, 8);
            String id = UUID.randomUUID().toString();
            Map<String, byte[]> ladder = SampleLadder.files(pair.ffmpeg(), name, 20);
            Endpoints e = pair.endpoints(null, null);
            for (String dc : List.of("a", "b")) {
                publish(new ArmTestClient(e.get(dc), Path.of(e.caFile())), name, id, ladder);
            }
            String path = "/" + id + "/" + name + ".ism/manifest";
            pair.front().apply(PROBES);
            pair.front().apply(Map.of("mode", "proxy"));
            FrontSettings settings = pair.front().settings();
            DrillPlan plan = new DrillPlan(PlayerFormat.HLS.manifestUrl(pair.front().url() + path), PlayerFormat.HLS, "proxy", "a",
                    Duration.ofSeconds(5), Duration.ofSeconds(13), settings.expectedRedirectDelay());
            DrillReport r = new Drill(chromium, page, Clock.systemUTC()).run(plan, new LocalPairDrillHooks(pair), System.out::println);
            System.out.println(r.describe());

            assertTrue(pair.member("a").running(), "the drill brings a back up");
            assertTrue(r.continued(), r.describe());
            assertTrue(r.fetches().stream().anyMatch(f -> f.atMillis() < r.downAtMs() && Drill.isSegment(f.url())
                    && f.status() == 200 && "a".equals(f.servedBy())), "segments came from a before the fall");
            List<MediaFetch> afterSwitch = r.fetches().stream().filter(f -> r.firstFromOtherMs() != null
                    && f.atMillis() >= r.firstFromOtherMs() && Drill.isSegment(f.url()) && f.status() == 200).toList();
            assertFalse(afterSwitch.isEmpty());
            assertTrue(afterSwitch.stream().allMatch(f -> f.servedBy().equals("b")), "later segments came from b: " + afterSwitch);
            assertTrue(afterSwitch.stream().allMatch(f -> URI.create(f.url()).getPath().startsWith("/" + id + "/")),
                    "the same path, under the locator id both datacenters share");
            assertTrue(r.framesAfter() > 24, "frames decoded after the fall: " + r.framesAfter());
        }
    }

    /** The HA sample's calls on one datacenter: the asset, its blobs through listContainerSas, the locator with the id. */
    static void publish(ArmTestClient c, String name, String id, Map<String, byte[]> files) throws Exception {
        assertEquals(201, c.call("PUT", "assets/" + name, "{}").status());
        String sas = c.call("POST", "assets/" + name + "/listContainerSas", "{\"permissions\":\"ReadWrite\",\"expiryTime\":\""
                + Instant.now().plusSeconds(600) + "\"}").json().get("assetContainerSasUrls").get(0).asText();
        URI container = URI.create(sas);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            URI blob = URI.create(container.getScheme() + "://" + container.getRawAuthority() + container.getRawPath() + "/"
                    + f.getKey() + "?" + container.getRawQuery());
            HttpResponse<Void> put = c.http.send(HttpRequest.newBuilder(blob).header("x-ms-blob-type", "BlockBlob")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(f.getValue())).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(201, put.statusCode(), "blob " + f.getKey());
        }
        assertEquals(201, c.call("PUT", "streamingLocators/" + name, "{\"properties\":{\"assetName\":\"" + name
                + "\",\"streamingPolicyName\":\"Predefined_ClearStreamingOnly\",\"streamingLocatorId\":\"" + id + "\"}}").status());
    }
}
