package dev.amsh.browser;

import java.util.List;
import java.util.Locale;

/**
 * What a drill saw, in milliseconds from the page's opening: when the datacenter fell, when the front noticed,
 * the first segment another origin served, the time playback stood still after the fall, frames decoded before
 * and after, and the raw timeline (samples and media responses) it was computed from.
 */
public record DrillReport(DrillPlan plan, long downAtMs, Long frontNoticedAtMs, Long firstFromOtherMs, String otherOrigin,
                          long stallMs, Stall stall, long framesBefore, long framesAfter, long droppedFrames, List<String> errors,
                          List<PlaybackSample> samples, List<MediaFetch> fetches) {

    /**
     * What the stall is made of. It is measured on the video element, sampled every {@code sampleMs}: each interval
     * in which the position did not move counts whole, so a stall is a multiple of the interval. Of it, the time a
     * new viewing of the clip took to load (manifest and first segments fetched again: the player starts over at
     * the clip's end), and the time with the buffer run dry, waiting for a segment (the front's retry on the other
     * origin, a probe's verdict, the player's own retry); the rest is the player's own (decoding, a seek).
     */
    public record Stall(long restartingMs, long bufferEmptyMs, long sampleMs) {
    }

    /** Playback continued: frames decoded after the fall, media served by another origin, no fatal error. */
    public boolean continued() {
        return framesAfter > 0 && firstFromOtherMs != null && errors.isEmpty();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "drill: %s through the front in %s mode; %s down at %.1f s%n",
                plan.format().name().toLowerCase(Locale.ROOT), plan.mode(), plan.failing(), downAtMs / 1000.0));
        sb.append(line("front noticed", frontNoticedAtMs));
        sb.append(firstFromOtherMs == null ? "  first segment from another origin: none\n"
                : String.format(Locale.ROOT, "  first segment from %s: %.1f s (%.1f s after the fall)%n", otherOrigin,
                firstFromOtherMs / 1000.0, (firstFromOtherMs - downAtMs) / 1000.0));
        sb.append(String.format(Locale.ROOT, "  stall after the fall: %.1f s%n", stallMs / 1000.0));
        if (stallMs > 0) {
            sb.append(String.format(Locale.ROOT, "    (the picture stood still, counted in %.2f s samples: %.1f s starting the clip's next"
                            + " viewing, %.1f s with the buffer empty waiting for a segment, %.1f s the player's own)%n",
                    stall.sampleMs() / 1000.0, stall.restartingMs() / 1000.0, stall.bufferEmptyMs() / 1000.0,
                    Math.max(0, stallMs - stall.restartingMs() - stall.bufferEmptyMs()) / 1000.0));
        }
        if (plan.mode().equals("proxy") && stall.bufferEmptyMs() > 0) {
            sb.append("    (in proxy mode the front tries b at once for a request that fails on a: the buffer-empty time is"
                    + " what such requests took)\n");
        }
        sb.append(String.format(Locale.ROOT, "  frames decoded: %d before, %d after; %d dropped%n", framesBefore, framesAfter,
                droppedFrames));
        if (plan.mode().equals("redirect")) {
            sb.append(String.format(Locale.ROOT, "  Traffic Manager arithmetic for these probes: up to %.1f s%n",
                    plan.expectedRedirectDelay().toMillis() / 1000.0));
        }
        int recovered = samples.get(samples.size() - 1).recovered();
        if (recovered > 0) {
            sb.append("  the player recovered from ").append(recovered).append(" failed download(s)\n");
        }
        errors.forEach(e -> sb.append("  player error: ").append(e).append('\n'));
        sb.append(continued() ? "playback continued from " + otherOrigin
                : "playback did NOT continue" + (framesAfter == 0 ? ": no frame decoded after the fall" : ""));
        return sb.toString();
    }

    private String line(String what, Long at) {
        return at == null ? "  " + what + ": not within the drill\n"
                : String.format(Locale.ROOT, "  %s: %.1f s (%.1f s after the fall)%n", what, at / 1000.0, (at - downAtMs) / 1000.0);
    }
}
