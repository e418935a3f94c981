package dev.amsh.browser;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a stream through the front in a real browser, takes a datacenter down mid-play, and measures what a
 * viewer saw. The datacenter is always brought back up, whatever happens.
 */
public final class Drill {
    private static final long SAMPLE_EVERY_MS = 250;

    private final Path chromium;
    private final PlayerPage page;
    private final Clock clock;

    public Drill(Path chromium, PlayerPage page, Clock clock) {
        this.chromium = chromium;
        this.page = page;
        this.clock = clock;
    }

    public DrillReport run(DrillPlan plan, DrillHooks hooks, Consumer<String> progress) {
        List<PlaybackSample> samples = new ArrayList<>();
        long downAt = -1;
        Long noticedAt = null;
        boolean down = false;
        try (Playback playback = Playback.open(chromium, page.drillUrlFor(plan.frontManifestUrl(), plan.format()), clock)) {
            while (true) {
                PlaybackSample s = playback.sampleAfter(SAMPLE_EVERY_MS);
                samples.add(s);
                if (!down && s.atMillis() >= plan.failAfter().toMillis()) {
                    // the fall starts when the stop is asked for: requests fail from then on
                    downAt = playback.elapsedMillis();
                    down = true;
                    hooks.takeDown(plan.failing());
                    progress.accept(String.format("%s down at %.1f s", plan.failing(), downAt / 1000.0));
                }
                if (down && noticedAt == null) {
                    noticedAt = hooks.degradedSince(plan.failing())
                            .map(t -> t.toEpochMilli() - playback.startedAtEpochMillis()).orElse(null);
                }
                if (s.atMillis() >= plan.duration().toMillis() || !s.errors().isEmpty() && down) {
                    break;
                }
            }
            return report(plan, samples, playback.fetches(), downAt, noticedAt);
        } finally {
            if (down) {
                hooks.bringUp(plan.failing());
            }
        }
    }

    static DrillReport report(DrillPlan plan, List<PlaybackSample> samples, List<MediaFetch> fetches, long downAt,
                              Long noticedAt) {
        PlaybackSample atFall = samples.stream().filter(s -> s.atMillis() <= downAt).reduce((x, y) -> y)
                .orElse(samples.get(0));
        PlaybackSample last = samples.get(samples.size() - 1);
        long stall = 0;
        long restarting = 0;
        long bufferEmpty = 0;
        for (int i = 1; i < samples.size(); i++) {
            PlaybackSample prev = samples.get(i - 1);
            PlaybackSample cur = samples.get(i);
            double moved = cur.position() - prev.position();
            boolean looped = moved < -1;
            if (cur.atMillis() > downAt && !looped && moved < 0.05) {
                long still = cur.atMillis() - prev.atMillis();
                stall += still;
                // why the picture stood still: a new viewing of the clip loading, or a buffer run dry waiting for a segment
                if (cur.position() < 1.0) {
                    restarting += still;
                } else if (prev.bufferAhead() < 0.5) {
                    bufferEmpty += still;
                }
            }
        }
        MediaFetch firstOther = fetches.stream().filter(f -> f.atMillis() >= downAt && f.status() == 200
                && !f.servedBy().isEmpty() && !f.servedBy().equals(plan.failing()) && isSegment(f.url())).findFirst().orElse(null);
        return new DrillReport(plan, downAt, noticedAt, firstOther == null ? null : firstOther.atMillis(),
                firstOther == null ? null : firstOther.servedBy(), stall, new DrillReport.Stall(restarting, bufferEmpty,
                samples.size() < 2 ? SAMPLE_EVERY_MS : (last.atMillis() - samples.get(0).atMillis()) / (samples.size() - 1)),
                atFall.decodedFrames(),
                Math.max(0, last.decodedFrames() - atFall.decodedFrames()), last.droppedFrames(), last.errors(),
                List.copyOf(samples), List.copyOf(fetches));
    }

    static boolean isSegment(String url) {
        return url.contains("/Fragments(") && !url.contains("=i,") && !url.contains("=i)");
    }
}
