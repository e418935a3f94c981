package dev.amsh.emulator.origin.packaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How one track is cut into segments: each segment's first sample and its start in 10 MHz ticks (one entry
 * more than the segments: the end of the track). Video is cut at its sync samples; audio at the first sample
 * at or after each video cut, so a and v segments cover the same spans.
 */
public final class TrackSegments {
    /** The service's manifests and fragment URLs count in 10 MHz ticks. */
    public static final long TICKS_PER_SECOND = 10_000_000L;

    private final int[] firstSample;
    private final long[] starts;

    private TrackSegments(int[] firstSample, long[] starts) {
        this.firstSample = firstSample;
        this.starts = starts;
    }

    /** Cut at every sync sample (the first sample always starts a segment). */
    static TrackSegments atSyncSamples(TrackIndex track) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < track.samples(); i++) {
            if (i == 0 || track.sync[i]) {
                cuts.add(i);
            }
        }
        return of(track, cuts);
    }

    /** Cut at the first sample at or after each of {@code times} (ticks). */
    static TrackSegments alignedTo(TrackIndex track, long[] times) {
        List<Integer> cuts = new ArrayList<>();
        int sample = 0;
        for (long t : times) {
            while (sample < track.samples() && track.ticksAt(sample) < t) {
                sample++;
            }
            if (sample < track.samples() && (cuts.isEmpty() || cuts.get(cuts.size() - 1) != sample)) {
                cuts.add(sample);
            }
        }
        if (cuts.isEmpty() || cuts.get(0) != 0) {
            cuts.add(0, 0);
        }
        return of(track, cuts);
    }

    /** Cut about every {@code seconds}: audio with no video to follow. */
    static TrackSegments every(TrackIndex track, int seconds) {
        long end = track.toTicks(track.decodeTimes[track.samples()]);
        long step = seconds * TICKS_PER_SECOND;
        long[] times = new long[(int) Math.max(1, (end + step - 1) / step)];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * step;
        }
        return alignedTo(track, times);
    }

    private static TrackSegments of(TrackIndex track, List<Integer> cuts) {
        int n = cuts.size();
        int[] first = new int[n + 1];
        long[] starts = new long[n + 1];
        for (int i = 0; i < n; i++) {
            first[i] = cuts.get(i);
            starts[i] = track.ticksAt(first[i]);
        }
        first[n] = track.samples();
        starts[n] = track.toTicks(track.decodeTimes[track.samples()]);
        return new TrackSegments(first, starts);
    }

    public int count() {
        return starts.length - 1;
    }

    public long start(int segment) {
        return starts[segment];
    }

    public long duration(int segment) {
        return starts[segment + 1] - starts[segment];
    }

    public long end() {
        return starts[starts.length - 1];
    }

    int firstSample(int segment) {
        return firstSample[segment];
    }

    int sampleCount(int segment) {
        return firstSample[segment + 1] - firstSample[segment];
    }

    /** The segment that starts at {@code ticks}, or -1: a fragment URL must name a segment's exact start. */
    public int segmentAt(long ticks) {
        int i = Arrays.binarySearch(starts, 0, count(), ticks);
        return i >= 0 ? i : -1;
    }

    /** The start times (ticks) of the segments, without the end. */
    long[] startTimes() {
        return Arrays.copyOf(starts, count());
    }

    boolean sameCutsAs(TrackSegments other) {
        return Arrays.equals(startTimes(), other.startTimes());
    }
}
