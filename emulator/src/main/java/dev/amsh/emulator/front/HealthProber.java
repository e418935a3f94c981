package dev.amsh.emulator.front;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Probes every endpoint as Traffic Manager does: a GET of the probe path each interval, a 200 within the
 * timeout is a success; an endpoint is degraded once its failures in a row exceed the tolerated number, and
 * online again at its next success.
 */
final class HealthProber implements AutoCloseable {
    private final List<FrontEndpoint> endpoints;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final HttpClient http;
    private final Map<String, EndpointHealth> health = new LinkedHashMap<>();
    private FrontSettings settings;
    private ScheduledFuture<?> schedule;

    HealthProber(List<FrontEndpoint> endpoints, FrontSettings settings, Clock clock, ScheduledExecutorService timer,
                 HttpClient http) {
        this.endpoints = endpoints.stream().sorted(Comparator.comparingInt(FrontEndpoint::priority)).toList();
        this.clock = clock;
        this.timer = timer;
        this.http = http;
        Instant now = clock.instant();
        for (FrontEndpoint e : this.endpoints) {
            health.put(e.name(), new EndpointHealth(e.name(), e.priority(), e.origin().get(), true, 0, "not probed yet", null, now));
        }
        apply(settings);
    }

    synchronized void apply(FrontSettings next) {
        settings = next;
        if (schedule != null) {
            schedule.cancel(false);
        }
        long every = next.interval().toMillis();
        schedule = timer.scheduleAtFixedRate(this::probeAll, 0, every, TimeUnit.MILLISECONDS);
    }

    synchronized List<EndpointHealth> health() {
        return List.copyOf(health.values());
    }

    /** Online endpoints by priority, then degraded ones (a last resort, as Traffic Manager answers when all are down). */
    synchronized List<FrontEndpoint> byPreference() {
        List<FrontEndpoint> out = new ArrayList<>();
        endpoints.stream().filter(e -> health.get(e.name()).online()).forEach(out::add);
        endpoints.stream().filter(e -> !health.get(e.name()).online()).forEach(out::add);
        return out;
    }

    private void probeAll() {
        FrontSettings s;
        synchronized (this) {
            s = settings;
        }
        List<CompletableFuture<Void>> probes = new ArrayList<>();
        for (FrontEndpoint e : endpoints) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(e.origin().get() + s.probePath()))
                    .timeout(s.probeTimeout()).GET().build();
            long started = System.nanoTime();
            probes.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((r, error) -> {
                        long ms = (System.nanoTime() - started) / 1_000_000;
                        boolean ok = error == null && r.statusCode() == 200;
                        String result = error != null ? describe(error) : r.statusCode() + " in " + ms + " ms";
                        record(e, ok, result, s);
                        return null;
                    }));
        }
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();
    }

    private synchronized void record(FrontEndpoint e, boolean ok, String result, FrontSettings s) {
        EndpointHealth before = health.get(e.name());
        Instant now = clock.instant();
        int failures = ok ? 0 : before.consecutiveFailures() + 1;
        boolean online = ok || failures <= s.toleratedFailures();
        health.put(e.name(), new EndpointHealth(e.name(), e.priority(), e.origin().get(), online, failures, result, now,
                online == before.online() ? before.changedAt() : now));
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        String name = cause.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timed out";
        }
        if (name.contains("Connect")) {
            return "connection refused";
        }
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
