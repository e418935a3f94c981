package dev.amsh.ops.library;

/**
 * Where a replicate run stands: assets done (replicated or already in sync), failed and skipped of the total,
 * blobs and bytes copied, time so far, throttling answers met and the in-flight limit they left.
 */
public record ReplicationProgress(int total, int replicated, int inSync, int failed, int skipped, long blobs, long bytes,
                                  long elapsedMillis, long throttled, int limit) {
    public int finished() {
        return replicated + inSync + failed + skipped;
    }

    /** Assets per second so far. */
    public double rate() {
        return elapsedMillis == 0 ? 0 : finished() * 1000.0 / elapsedMillis;
    }

    /** Seconds left at the current rate, or -1 when unknown. */
    public long etaSeconds() {
        double r = rate();
        return r <= 0 ? -1 : Math.round((total - finished()) / r);
    }
}
