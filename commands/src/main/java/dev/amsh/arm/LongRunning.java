package dev.amsh.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amsh.ams.http.RetryPolicy;
import dev.amsh.datacenter.Poller;
import dev.amsh.error.AmshException;
import okhttp3.Headers;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * An ARM long-running operation after its 202: polled at {@code Azure-AsyncOperation} (its {@code status}) or else
 * at {@code Location} (202 while running), waiting what {@code Retry-After} says between polls; the result is the
 * resource as it ends. A synchronous 200 is an operation already done.
 */
public final class LongRunning implements Poller<String, JsonNode> {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final ArmClient client;
    private final String resourcePath;
    private final String api;
    private final RetryPolicy.Sleeper sleeper;
    private final Clock clock;
    private final String asyncUrl;
    private final String locationUrl;
    private Duration interval;
    private String status;
    private JsonNode result;

    LongRunning(ArmClient client, ArmClient.Answer first, String actionPath, String api, RetryPolicy.Sleeper sleeper,
                Clock clock) {
        this.client = client;
        this.resourcePath = actionPath.substring(0, actionPath.lastIndexOf('/'));
        this.api = api;
        this.sleeper = sleeper;
        this.clock = clock;
        this.asyncUrl = first.headers().get("Azure-AsyncOperation");
        this.locationUrl = first.headers().get("Location");
        this.interval = retryAfter(first.headers());
        if (first.status() == 202 && (asyncUrl != null || locationUrl != null)) {
            status = "InProgress";
        } else {
            status = "Succeeded";
        }
    }

    @Override
    public synchronized String poll() {
        if (done()) {
            return status;
        }
        if (asyncUrl != null) {
            ArmClient.Answer a = client.getAbsolute(asyncUrl);
            interval = retryAfter(a.headers());
            status = a.body().path("status").asText("InProgress");
            if (status.equalsIgnoreCase("Failed") || status.equalsIgnoreCase("Canceled")) {
                JsonNode err = a.body().path("error");
                throw new AmshException("context " + client.context() + ": " + resourcePath.substring(resourcePath.lastIndexOf('/') + 1)
                        + " " + status.toLowerCase() + ": " + err.path("code").asText("") + " " + err.path("message").asText(""),
                        "'endpoints ls --on " + client.context() + "' shows its state");
            }
        } else {
            ArmClient.Answer a = client.getAbsolute(locationUrl);
            interval = retryAfter(a.headers());
            if (a.status() == 202) {
                status = "InProgress";
            } else {
                status = "Succeeded";
                result = a.body().has("properties") ? a.body() : null;
            }
        }
        return status;
    }

    @Override
    public synchronized boolean done() {
        return status.equalsIgnoreCase("Succeeded");
    }

    @Override
    public JsonNode await(Duration max, Consumer<String> onProgress) {
        Instant deadline = clock.instant().plus(max);
        onProgress.accept(status);
        while (!done()) {
            if (clock.instant().isAfter(deadline)) {
                throw new AmshException("context " + client.context() + ": still " + status + " after " + max.toSeconds() + " s",
                        "it goes on without us; 'endpoints ls --on " + client.context() + "' shows when it ends");
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AmshException("interrupted while waiting", "the operation goes on; 'endpoints ls' shows its state",
                        new InterruptedIOException());
            }
            onProgress.accept(poll());
        }
        return result != null ? result : client.get(resourcePath, api);
    }

    /** The wait before the next poll: the service's Retry-After, else two seconds. */
    static Duration retryAfter(Headers h) {
        String v = h.get("Retry-After");
        try {
            return v == null ? DEFAULT_INTERVAL : Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_INTERVAL;
        }
    }
}
