package dev.amsh.ops.library;

import dev.amsh.storage.CopyOptions;

/**
 * How {@code replicate} runs: which assets, both ways or one, how many assets at once (each copying its blobs
 * with {@code copy}'s concurrency), a cap on requests per second per datacenter (0: none), and dry run.
 */
public record ReplicateOptions(Selection selection, boolean bothWays, int concurrency, double maxRps, boolean dryRun,
                               CopyOptions copy) {
    public static final int DEFAULT_CONCURRENCY = 8;
    /** Blobs per asset at once: with eight assets in flight, 64 copies at most. */
    public static final int DEFAULT_BLOB_CONCURRENCY = 8;

    public ReplicateOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    public static ReplicateOptions defaults() {
        return new ReplicateOptions(Selection.all(), false, DEFAULT_CONCURRENCY, 0, false,
                CopyOptions.defaults().withConcurrency(DEFAULT_BLOB_CONCURRENCY));
    }

    public ReplicateOptions withSelection(Selection s) {
        return new ReplicateOptions(s, bothWays, concurrency, maxRps, dryRun, copy);
    }
}
