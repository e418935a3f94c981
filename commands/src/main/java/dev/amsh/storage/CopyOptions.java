package dev.amsh.storage;

import java.time.Duration;

/**
 * How to copy: how many blobs at once, the size up to which one Copy Blob From URL call is used, the block
 * size of staged Put Block From URL copies above it, and how long the source read SAS lives.
 */
public record CopyOptions(int concurrency, long singleCallLimit, long blockSize, Duration sasLifetime) {
    public static final int DEFAULT_CONCURRENCY = 16;
    /** The service takes up to 256 MiB in one Copy Blob From URL; amsh stays far below, so every call is short. */
    public static final long COPY_FROM_URL_LIMIT = 256L * 1024 * 1024;
    /**
     * One server-side copy call answers only when done, so its size bounds how long a try may take before a hung
     * call is given up: blobs up to 32 MiB in one call, larger ones in 16 MiB blocks.
     */
    public static final long SINGLE_CALL_DEFAULT = 32L * 1024 * 1024;
    public static final long BLOCK_DEFAULT = 16L * 1024 * 1024;

    public CopyOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    public static CopyOptions defaults() {
        return new CopyOptions(DEFAULT_CONCURRENCY, SINGLE_CALL_DEFAULT, BLOCK_DEFAULT, Duration.ofHours(24));
    }

    public CopyOptions withConcurrency(int n) {
        return new CopyOptions(n, singleCallLimit, blockSize, sasLifetime);
    }

    public CopyOptions withSingleCallLimit(long limit, long blockSize) {
        return new CopyOptions(concurrency, limit, blockSize, sasLifetime);
    }
}
