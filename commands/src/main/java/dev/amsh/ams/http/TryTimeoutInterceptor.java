package dev.amsh.ams.http;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How long one try may wait for its answer, per request: short for the many quick calls, so a hung answer
 * gives way to a retry in seconds, and longer for the few calls the service takes time over.
 */
public final class TryTimeoutInterceptor implements Interceptor {
    /** Tag a request with a longer per-try timeout than the default. */
    public record Slow(Duration timeout) {
    }

    private final Function<Request, Duration> timeoutOf;

    public TryTimeoutInterceptor(Function<Request, Duration> timeoutOf) {
        this.timeoutOf = timeoutOf;
    }

    /** The default for every request, unless it is tagged {@link Slow}. */
    public static TryTimeoutInterceptor tagged(Duration normal) {
        return new TryTimeoutInterceptor(r -> r.tag(Slow.class) != null ? r.tag(Slow.class).timeout() : normal);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        int ms = (int) timeoutOf.apply(chain.request()).toMillis();
        return chain.withReadTimeout(ms, TimeUnit.MILLISECONDS).withWriteTimeout(ms, TimeUnit.MILLISECONDS)
                .proceed(chain.request());
    }
}
