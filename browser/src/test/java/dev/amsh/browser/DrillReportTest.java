package dev.amsh.browser;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The drill's arithmetic over a made-up timeline: stall, first segment from b, frames, and the picture. */
class DrillReportTest {
    static final DrillPlan PLAN = new DrillPlan("http://front/x.ism/manifest(format=m3u8-cmaf)", PlayerFormat.HLS, "proxy",
            "a", Duration.ofSeconds(4), Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void stallCountsOnlyTimeStandingStillAfterTheFallAndALoopIsNotAStall() {
        List<PlaybackSample> samples = new ArrayList<>();
        double position = 0;
        for (long t = 0; t <= 10_000; t += 500) {
            boolean stuck = t > 5000 && t <= 6500;
            position = t == 8000 ? 0.1 : stuck ? position : position + 0.5; // the clip loops at 8 s
            samples.add(new PlaybackSample(t, position, t / 40, 0, 3, false, false, List.of(), 0));
        }
        List<MediaFetch> fetches = List.of(
                new MediaFetch(3000, "http://front/x.ism/QualityLevels(1)/Fragments(video=0,format=m3u8-cmaf)", 200, "a"),
                new MediaFetch(4200, "http://front/x.ism/QualityLevels(1)/Fragments(video=2,format=m3u8-cmaf)", 0, ""),
                new MediaFetch(4300, "http://front/x.ism/QualityLevels(1)/Fragments(video=i,format=m3u8-cmaf)", 200, "b"),
                new MediaFetch(6400, "http://front/x.ism/QualityLevels(1)/Fragments(video=2,format=m3u8-cmaf)", 200, "b"));
        DrillReport r = Drill.report(PLAN, samples, fetches, 4000, 4600L);
        assertEquals(1500, r.stallMs(), "three 500 ms samples without progress; the loop back to 0 is progress");
        assertEquals(6400L, r.firstFromOtherMs(), "an init segment is not a media segment");
        assertEquals("b", r.otherOrigin());
        assertEquals(100, r.framesBefore());
        assertEquals(150, r.framesAfter());
        assertTrue(r.continued());
        assertTrue(r.describe().contains("first segment from b: 6.4 s (2.4 s after the fall)"), r.describe());
        assertTrue(r.describe().contains("(the picture stood still, counted in 0.50 s samples: 0.0 s starting the clip's next viewing,"
                + " 0.0 s with the buffer empty waiting for a segment, 1.5 s the player's own)"), r.describe());

        String html = TimelinePage.html(r);
        assertTrue(html.contains("a down") && html.contains("front noticed") && html.contains("first from b"), html);
        assertEquals(3, html.split("<rect ", -1).length - 1, "one mark per media segment response: " + html);
    }

    @Test
    void noSegmentFromAnotherOriginMeansPlaybackDidNotContinue() {
        List<PlaybackSample> samples = List.of(new PlaybackSample(0, 0, 0, 0, 0, false, false, List.of(), 0),
                new PlaybackSample(4000, 4, 100, 0, 0, false, false, List.of(), 0),
                new PlaybackSample(10_000, 4, 100, 0, 0, false, false, List.of("hls.js: networkError fragLoadError"), 0));
        DrillReport r = Drill.report(PLAN, samples, List.of(), 4000, null);
        assertFalse(r.continued());
        assertEquals(0, r.framesAfter());
        assertTrue(r.describe().contains("playback did NOT continue: no frame decoded after the fall"), r.describe());
        assertTrue(r.describe().contains("front noticed: not within the drill"), r.describe());
    }

    @Test
    void theStallSaysWhatItIsMadeOf() {
        // a plays to the clip's end at 6 s; its next viewing takes 1 s to start; then the buffer runs dry for 0.5 s
        List<PlaybackSample> samples = new ArrayList<>();
        long[] at = {0, 2000, 4000, 4500, 5000, 5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000};
        double[] pos = {0, 2, 4, 4.5, 5, 5.5, 0, 0, 0, 0.5, 1.5, 1.5, 2};
        double[] ahead = {3, 3, 3, 3, 2, 1, 0, 0, 0, 1, 0, 0, 1};
        for (int i = 0; i < at.length; i++) {
            samples.add(new PlaybackSample(at[i], pos[i], at[i] / 40, 0, ahead[i], false, false, List.of(), 0));
        }
        List<MediaFetch> fetches = List.of(new MediaFetch(7300, "http://front/x.ism/QualityLevels(1)/Fragments(video=0,format=m3u8-cmaf)", 200, "b"));
        DrillReport r = Drill.report(PLAN, samples, fetches, 4000, 4600L);
        assertEquals(1500, r.stallMs());
        assertEquals(1000, r.stall().restartingMs(), "6.5 and 7 s: the next viewing loading");
        assertEquals(500, r.stall().bufferEmptyMs(), "8.5 s: nothing buffered ahead");
        assertTrue(r.describe().contains("1.0 s starting the clip's next viewing, 0.5 s with the buffer empty waiting for a segment,"
                + " 0.0 s the player's own"), r.describe());
        assertTrue(r.describe().contains("in proxy mode the front tries b at once"), r.describe());
    }
}
