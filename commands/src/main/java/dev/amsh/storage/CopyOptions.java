package dev.amsh.storage;

import java.time.Duration;

/**
 * How to copy: how many blobs at once, the size up to which one Copy Blob From URL call is used, the block
 * size of staged Put Block From URL copies above it, and how long the source read SAS lives.
 */
public record CopyOptions(int concurrency, long singleCallLimit, long blockSize, Duration sasLifetime) {
    public static final int DEFAULT_CONCURRENCY = 16;
    public static final long COPY_FROM_URL_LIMIT = 256L * 1024 * 1024;

    public CopyOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    public static CopyOptions defaults() {
        return new CopyOptions(DEFAULT_CONCURRENCY, COPY_FROM_URL_LIMIT, 100L * 1024 * 1024, Duration.ofHours(24));
    }

    public CopyOptions withConcurrency(int n) {
        return new CopyOptions(n, singleCallLimit, blockSize, sasLifetime);
    }

    public CopyOptions withSingleCallLimit(long limit, long blockSize) {
        return new CopyOptions(concurrency, limit, blockSize, sasLifetime);
    }
}
