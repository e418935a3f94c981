package dev.amsh.ams.http;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Retries throttling (429, 503), request timeouts (408) and connection timeouts with backoff.
 * A request that could create something twice (a POST without a caller-chosen key) is retried only when
 * the service refused it before acting (429/503), never after a timeout where it may have been applied.
 */
public final class RetryInterceptor implements Interceptor {
    /** Tag a request with this to mark it safe to repeat after a timeout (idempotent by its key). */
    public enum Idempotent { YES }

    private final RetryPolicy policy;

    public RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean repeatable = isRepeatable(request);
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (SocketTimeoutException | java.net.ConnectException e) {
                boolean timeoutAfterSend = e instanceof SocketTimeoutException;
                if (attempt >= policy.maxAttempts() || (timeoutAfterSend && !repeatable)) {
                    throw e;
                }
                pause(policy.delay(attempt, null));
                continue;
            }
            int code = response.code();
            boolean throttled = code == 429 || code == 503;
            boolean retryable = throttled || (code == 408 && repeatable);
            if (!retryable || attempt >= policy.maxAttempts()) {
                return response;
            }
            Duration retryAfter = retryAfter(response.header("Retry-After"));
            response.close();
            pause(policy.delay(attempt, retryAfter));
        }
    }

    private static boolean isRepeatable(Request request) {
        String m = request.method();
        return !m.equals("POST") || request.tag(Idempotent.class) != null;
    }

    private void pause(Duration d) throws IOException {
        try {
            policy.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
