package dev.amsh.browser;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.PublishedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The origin's packaged streams play in a real browser: Debian's chromium (it decodes H.264 and AAC) running
 * hls.js and dash.js from npm, opened on a published encode of the pair.
 */
@ExtendWith(LocalPairExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserPlaybackTest {
    Path chromium;
    PlayerPage page;
    String manifest;

    @BeforeAll
    void publishAndServeThePlayer(LocalPair pair) throws Exception {
        chromium = Chromium.locate(System.out::println);
        page = new PlayerPage(PlayerScripts.install(LocalPairExtension.toolsDir(), System.out::println), 0);
        PublishedSample sample = PublishedSample.encodeAndPublish(pair, "a", Files.createTempDirectory("amsh-play"), 8);
        manifest = sample.base() + "manifest";
    }

    @ParameterizedTest
    @EnumSource(PlayerFormat.class)
    void playsFromTheOriginForSeveralSeconds(PlayerFormat format) {
        try (Playback playback = Playback.open(chromium, page.urlFor(format.manifestUrl(manifest), format), Clock.systemUTC())) {
            PlaybackSample early = playback.sampleAfter(1500);
            PlaybackSample later = playback.sampleAfter(4000);
            assertEquals(List.of(), later.errors(), format + " played without an error");
            assertTrue(later.decodedFrames() > 48, format + ": frames decoded " + later.decodedFrames());
            assertTrue(later.position() > early.position() + 2.5, format + ": the position moved on, " + early + " -> " + later);
            List<MediaFetch> segments = playback.fetches().stream().filter(f -> f.url().contains("/Fragments(video=")
                    && !f.url().contains("=i,")).toList();
            assertTrue(segments.size() >= 2, "video segments fetched: " + playback.fetches());
            assertTrue(segments.stream().allMatch(f -> f.status() == 200), segments.toString());
            System.out.printf("%s: %d frames decoded, %d dropped, position %.1f s, %d video segments%n", format,
                    later.decodedFrames(), later.droppedFrames(), later.position(), segments.size());
        }
    }
}
