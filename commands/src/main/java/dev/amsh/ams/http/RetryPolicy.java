package dev.amsh.ams.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying: exponential backoff with full jitter, capped, and the
 * service's Retry-After honoured. The random source and the sleeper are injected for deterministic tests.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, DoubleSupplier random,
                          Sleeper sleeper) {

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30), Math::random,
                d -> Thread.sleep(d.toMillis()));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, () -> 0, d -> { });
    }

    /** The delay before retry number {@code attempt} (1-based), unless the service named one. */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(attempt - 1, 20)));
        long jittered = (long) (cap / 2.0 + random.getAsDouble() * cap / 2.0);
        return Duration.ofMillis(jittered);
    }
}
