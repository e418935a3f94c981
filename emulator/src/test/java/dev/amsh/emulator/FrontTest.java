package dev.amsh.emulator;

import dev.amsh.emulator.front.Front;
import dev.amsh.emulator.front.FrontSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The front over both origins: proxy retries, DNS-like redirect with its TTL, content steering, probes and settings. */
@ExtendWith(LocalPairExtension.class)
class FrontTest {
    static final Map<String, String> FAST = Map.of("interval", "200ms", "tolerated-failures", "1", "timeout", "150ms", "ttl", "1s");
    final HttpClient http = HttpClient.newHttpClient();
    LocalPair pair;

    @AfterEach
    void restore() throws Exception {
        if (pair != null) {
            if (!pair.datacenter("a").running()) {
                pair.datacenter("a").start();
            }
            pair.front().apply(FrontSettings.defaults().describe());
        }
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String servedBy(HttpResponse<String> r) {
        return r.statusCode() + " " + r.headers().firstValue("x-amsh-origin").orElse("-");
    }

    void awaitServing(String name, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!pair.front().status().serving().equals(name) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(name, pair.front().status().serving());
    }

    @Test
    void proxyRetriesOnBTheMomentAFails(LocalPair pair) throws Exception {
        this.pair = pair;
        Front front = pair.front();
        front.apply(Map.of("mode", "proxy"));
        assertEquals("200 a", servedBy(get(front.url() + "/")));
        pair.datacenter("a").stop();
        // before any probe has noticed, the proxy's retry already answers from b
        assertEquals("200 b", servedBy(get(front.url() + "/")));
        pair.datacenter("a").start();
        front.apply(FAST);
        awaitServing("a", 5000);
        assertEquals("200 a", servedBy(get(front.url() + "/")));
    }

    @Test
    void redirectKeepsAClientOnItsAnswerUntilTheTtlRunsOut(LocalPair pair) throws Exception {
        this.pair = pair;
        Front front = pair.front();
        front.apply(FAST);
        front.apply(Map.of("mode", "redirect"));
        assertEquals("200 a", servedBy(get(front.url() + "/")));
        long down = System.nanoTime();
        pair.datacenter("a").stop();
        HttpResponse<String> during = get(front.url() + "/");
        assertEquals(502, during.statusCode(), "the cached answer still names a: " + during.body());
        long firstFromB = 0;
        while (firstFromB == 0 && System.nanoTime() - down < 10_000_000_000L) {
            if (servedBy(get(front.url() + "/")).equals("200 b")) {
                firstFromB = System.nanoTime();
            }
            Thread.sleep(20);
        }
        assertTrue(firstFromB > 0, "b answered within 10 s");
        double seconds = (firstFromB - down) / 1e9;
        double arithmetic = front.settings().expectedRedirectDelay().toMillis() / 1000.0;
        System.out.printf("redirect: b served %.2f s after a fell (Traffic Manager arithmetic %.2f s)%n", seconds, arithmetic);
        assertTrue(seconds <= arithmetic + 1.0, seconds + " s against " + arithmetic + " s");
        assertTrue(seconds >= 0.2, "not before the probes and the TTL: " + seconds);
    }

    @Test
    void steeringListsAPathwayPerOriginAndOrdersThemByHealth(LocalPair pair) throws Exception {
        this.pair = pair;
        Front front = pair.front();
        PublishedSample sample = PublishedSample.encodeAndPublish(pair, "a", Files.createTempDirectory("amsh-steer"), 3);
        String path = URI.create(sample.base()).getPath();
        String originA = pair.datacenter("a").originUrl();
        String originB = pair.datacenter("b").originUrl();
        front.apply(FAST);
        front.apply(Map.of("mode", "steering"));

        M3u8 hls = M3u8.parse(get(front.url() + path + "manifest(format=m3u8-cmaf)").body());
        M3u8.Tag steering = hls.one("EXT-X-CONTENT-STEERING");
        assertEquals(front.url() + "/steering/hls", steering.attributes().get("SERVER-URI"));
        assertEquals("a", steering.attributes().get("PATHWAY-ID"));
        List<M3u8.Tag> variants = hls.all("EXT-X-STREAM-INF");
        assertTrue(variants.stream().anyMatch(v -> "b".equals(v.attributes().get("PATHWAY-ID")) && v.uri().startsWith(originB + path)));
        assertTrue(variants.stream().anyMatch(v -> "a".equals(v.attributes().get("PATHWAY-ID")) && v.uri().startsWith(originA + path)));
        assertTrue(hls.all("EXT-X-MEDIA").stream().anyMatch(m -> m.attributes().get("GROUP-ID").equals("audio-b")
                && m.attributes().get("URI").startsWith(originB)));
        String mpd = get(front.url() + path + "manifest(format=mpd-time-cmaf)").body();
        assertTrue(mpd.contains("<BaseURL serviceLocation=\"b\">" + originB + path + "</BaseURL>"), mpd);
        assertTrue(mpd.contains("<ContentSteering defaultServiceLocation=\"a\""), mpd);

        assertEquals("{\"VERSION\":1,\"TTL\":1,\"PATHWAY-PRIORITY\":[\"a\",\"b\"]}", get(front.url() + "/steering/hls?_HLS_pathway=a").body());
        pair.datacenter("a").stop();
        awaitServing("b", 5000);
        assertEquals("{\"VERSION\":1,\"TTL\":1,\"PATHWAY-PRIORITY\":[\"b\",\"a\"]}", get(front.url() + "/steering/dash").body());
    }

    @Test
    void settingsAreCheckedWholeBeforeAnyApplies(LocalPair pair) {
        this.pair = pair;
        Front front = pair.front();
        FrontSettings before = front.settings();
        for (Map<String, String> bad : List.of(Map.of("mode", "dns"), Map.of("interval", "fast"), Map.of("tolerated-failures", "12"),
                Map.of("interval", "1s", "timeout", "2s"), Map.of("colour", "blue"), Map.of("probe-path", "health"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> front.apply(bad), bad.toString());
            assertFalse(e.getMessage().isBlank());
        }
        assertEquals(before, front.settings(), "nothing applied");
        assertEquals(Duration.ofSeconds(100), FrontSettings.defaults().expectedRedirectDelay(), "10 s x (3 + 1) + 60 s");
    }
}
