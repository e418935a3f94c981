package dev.amsh.browser;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.PublishedSample;
import dev.amsh.emulator.front.FrontSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The failover a viewer sees: a stream plays through the front in chromium, datacenter a is stopped mid-play,
 * and playback goes on with segments from b, in each of the front's modes.
 */
@ExtendWith(LocalPairExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillTest {
    static final Map<String, String> PROBES = Map.of("interval", "500ms", "tolerated-failures", "1", "timeout", "300ms", "ttl", "2s");
    LocalPair pair;
    Path chromium;
    PlayerPage page;
    String frontManifest;
    Path out;

    @BeforeAll
    void publishOnBothSides(LocalPair pair) throws Exception {
        this.pair = pair;
        chromium = Chromium.locate(System.out::println);
        page = new PlayerPage(PlayerScripts.install(LocalPairExtension.toolsDir(), System.out::println), 0);
        out = Files.createTempDirectory("amsh-drill");
        PublishedSample sample = PublishedSample.encodeAndPublish(pair, "a", out, 20);
        sample.replicateTo(pair, "a", "b");
        frontManifest = pair.front().url() + URI.create(sample.base()).getPath() + "manifest";
    }

    @AfterAll
    void restoreTheFront() {
        page.close();
        pair.front().apply(FrontSettings.defaults().describe());
    }

    @ParameterizedTest
    @CsvSource({"proxy,HLS", "steering,HLS", "steering,DASH", "redirect,HLS"})
    void playbackContinuesFromBWhenAFalls(String mode, PlayerFormat format) throws Exception {
        pair.front().apply(PROBES);
        pair.front().apply(Map.of("mode", mode));
        FrontSettings settings = pair.front().settings();
        DrillPlan plan = new DrillPlan(format.manifestUrl(frontManifest), format, mode, "a", Duration.ofSeconds(5),
                Duration.ofSeconds(mode.equals("redirect") ? 16 : 13), settings.expectedRedirectDelay());
        DrillReport r = new Drill(chromium, page, Clock.systemUTC()).run(plan, new LocalPairDrillHooks(pair), System.out::println);
        System.out.println(r.describe());
        Path html = TimelinePage.write(r, out.resolve("drill-" + mode + "-" + format + ".html"));

        assertTrue(pair.datacenter("a").running(), "the drill brings a back up");
        assertTrue(r.continued(), r.describe() + "\nresponses after the fall: " + r.fetches().stream()
                .filter(f -> f.atMillis() >= r.downAtMs()).map(f -> f.atMillis() + " " + f.status() + " " + f.servedBy() + " "
                        + f.url().replaceFirst(".*/", "")).toList());
        List<MediaFetch> afterSwitch = r.fetches().stream().filter(f -> r.firstFromOtherMs() != null
                && f.atMillis() >= r.firstFromOtherMs() && Drill.isSegment(f.url()) && f.status() == 200).toList();
        assertFalse(afterSwitch.isEmpty());
        assertTrue(afterSwitch.stream().allMatch(f -> f.servedBy().equals("b")), "later segments came from b: " + afterSwitch);
        assertTrue(r.framesAfter() > 24, "frames decoded after the fall: " + r.framesAfter());
        if (mode.equals("redirect")) {
            assertTrue(r.firstFromOtherMs() - r.downAtMs() <= settings.expectedRedirectDelay().toMillis() + 2000,
                    "within Traffic Manager's arithmetic: " + r.describe());
        }
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("from b") && page.contains("a down"), "the timeline picture");
    }
}
