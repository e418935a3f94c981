package dev.amsh.ams.http;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Retries what a repeat cannot double. Every decision is the pure function {@link #decide}:
 * <ul>
 * <li>429 and 503 are refusals made before acting: retried for every verb, honouring Retry-After;</li>
 * <li>a connection that was never made is retried for every verb (nothing was sent);</li>
 * <li>5xx, 408, resets and timeouts leave the outcome unknown: retried only for idempotent calls (GET, DELETE,
 *     MERGE, PUT, and a POST tagged {@link Idempotent}, such as CreateLocator with its own Id or a token
 *     request); a plain POST is left to the operation, which looks up what the lost call made;</li>
 * <li>a DELETE that meets 404 after an attempt with an unknown outcome found the entity already gone: done.</li>
 * </ul>
 * OkHttp's own silent resend ({@code retryOnConnectionFailure}) must be off underneath, or a lost answer to a
 * POST is re-sent before this interceptor can decide.
 */
public final class RetryInterceptor implements Interceptor {
    /** Tag a request with this to mark it safe to repeat after an unknown outcome (idempotent by its key). */
    public enum Idempotent { YES }

    /**
     * Tag a PUT with this when a repeat is refused rather than absorbed (a v3 streaming locator answers 201 once,
     * then 409): its unknown outcome is left to the operation, which looks up what the lost call made.
     */
    public enum CreatesOnce { YES }

    /** What one attempt gave. */
    public sealed interface Outcome {
        /** An HTTP answer. */
        record Answered(int code, Duration retryAfter) implements Outcome {
        }

        /** No connection was made: the request never left. */
        record NotSent() implements Outcome {
        }

        /** The request may have reached the service; its answer was lost (reset, timeout, early EOF). */
        record Lost() implements Outcome {
        }
    }

    /** What to do next. */
    public sealed interface Decision {
        record Retry(Duration delay) implements Decision {
        }

        record Give() implements Decision {
        }

        /** A DELETE found nothing after an earlier attempt may have deleted it: report success. */
        record AlreadyDone() implements Decision {
        }
    }

    private final RetryPolicy policy;

    public RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean repeatable = isRepeatable(request);
        boolean earlierUnknown = false;
        for (int attempt = 1; ; attempt++) {
            Response response = null;
            IOException failure = null;
            Outcome outcome;
            try {
                response = chain.proceed(request);
                outcome = new Outcome.Answered(response.code(), retryAfter(response.header("Retry-After")));
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted() || chain.call().isCanceled()) {
                    throw e; // cancelled (Ctrl-C, or a hedged read that lost): no retry
                }
                failure = e;
                outcome = notSent(e) ? new Outcome.NotSent() : new Outcome.Lost();
            }
            Decision d = decide(policy, request.method(), repeatable, attempt, earlierUnknown, outcome);
            if (d instanceof Decision.AlreadyDone) {
                response.close();
                return response.newBuilder().code(204).message("No Content (already deleted)")
                        .body(ResponseBody.create("", MediaType.get("text/plain"))).build();
            }
            if (d instanceof Decision.Give) {
                if (failure != null) {
                    throw failure;
                }
                return response;
            }
            if (response != null) {
                response.close();
            }
            earlierUnknown |= unknownOutcome(outcome);
            pause(((Decision.Retry) d).delay());
        }
    }

    /** The whole retry rule, free of I/O. */
    public static Decision decide(RetryPolicy policy, String method, boolean repeatable, int attempt,
                                  boolean earlierUnknown, Outcome outcome) {
        if (outcome instanceof Outcome.Answered a && a.code() == 404 && method.equals("DELETE") && earlierUnknown) {
            return new Decision.AlreadyDone();
        }
        boolean retryable;
        Duration retryAfter = null;
        if (outcome instanceof Outcome.Answered a) {
            retryAfter = a.retryAfter();
            retryable = a.code() == 429 || a.code() == 503
                    || (repeatable && (a.code() == 408 || a.code() == 500 || a.code() == 502 || a.code() == 504));
        } else {
            retryable = outcome instanceof Outcome.NotSent || repeatable;
        }
        if (!retryable || attempt >= policy.maxAttempts()) {
            return new Decision.Give();
        }
        return new Decision.Retry(policy.delay(attempt, retryAfter));
    }

    /** Whether an attempt may have been applied without its answer reaching us. */
    static boolean unknownOutcome(Outcome o) {
        return o instanceof Outcome.Lost || (o instanceof Outcome.Answered a && a.code() >= 500 && a.code() != 503);
    }

    static boolean isRepeatable(Request request) {
        String m = request.method();
        if (request.tag(CreatesOnce.class) != null) {
            return false;
        }
        return !m.equals("POST") || request.tag(Idempotent.class) != null;
    }

    /** Failures that happen before any byte of the request can have reached the service. */
    public static boolean notSent(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException
                || (e.getCause() instanceof ConnectException);
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
