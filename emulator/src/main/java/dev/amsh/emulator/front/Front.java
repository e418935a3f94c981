package dev.amsh.emulator.front;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.amsh.emulator.HttpServers;
import dev.amsh.emulator.origin.OriginHandler;
import dev.amsh.emulator.rest.Http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One host in front of both origins (the procedure's "traffic manager or CDN"), with Traffic Manager's
 * priority routing and health probes, in three modes: {@link FrontMode#REDIRECT} (DNS, with its TTL),
 * {@link FrontMode#PROXY} (Front Door: retry on the next origin) and {@link FrontMode#STEERING} (manifests with a
 * pathway per origin and a steering server). Streaming URLs keep their path: only the host is the front's.
 */
public final class Front implements AutoCloseable {
    private static final Set<String> FORWARDED = Set.of("range", "if-none-match", "if-modified-since", "accept", "origin",
            "access-control-request-method", "access-control-request-headers");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
            "date", "upgrade");

    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final HealthProber prober;
    private final Map<String, DnsAnswer> dnsCache = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile FrontSettings settings;

    /** What a client's resolver holds: the endpoint it was given, until the TTL runs out. */
    private record DnsAnswer(FrontEndpoint endpoint, Instant expires) {
    }

    public Front(List<FrontEndpoint> endpoints, FrontSettings settings, Clock clock, int port) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "amsh-front");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "amsh-front-probes");
            t.setDaemon(true);
            return t;
        });
        this.prober = new HealthProber(List.copyOf(endpoints), settings, clock, timer, http);
        this.server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public FrontSettings settings() {
        return settings;
    }

    /** Applies changed settings (all checked before any applies); clients' cached answers are kept, as resolvers keep them. */
    public synchronized FrontSettings apply(Map<String, String> changes) {
        FrontSettings next = settings.with(changes);
        settings = next;
        prober.apply(next);
        return next;
    }

    public FrontStatus status() {
        return new FrontStatus(url(), settings, prober.health(), prober.byPreference().get(0).name());
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/steering/")) {
                steering(ex);
                return;
            }
            FrontSettings s = settings;
            switch (s.mode()) {
                case REDIRECT -> viaDns(ex, s);
                case PROXY -> viaProxy(ex, null);
                case STEERING -> viaProxy(ex, isClientManifest(path) ? path : null);
            }
        } catch (RuntimeException e) {
            Http.send(ex, 502, "text/plain", "front error: " + e.getMessage() + "\n");
        }
    }

    /** DNS: the client's cached answer while its TTL lasts, else the first online endpoint; one try, no retry. */
    private void viaDns(HttpExchange ex, FrontSettings s) throws IOException {
        String client = ex.getRemoteAddress().getAddress().getHostAddress();
        Instant now = clock.instant();
        DnsAnswer answer = dnsCache.compute(client, (k, held) -> held != null && now.isBefore(held.expires()) ? held
                : new DnsAnswer(prober.byPreference().get(0), now.plus(s.ttl())));
        ex.getResponseHeaders().set("x-amsh-dns-answer", answer.endpoint().name() + "; expires in "
                + Math.max(0, Duration.between(now, answer.expires()).toMillis()) + " ms");
        HttpResponse<byte[]> r;
        try {
            r = forward(ex, answer.endpoint());
        } catch (IOException e) {
            Http.send(ex, 502, "text/plain", "origin " + answer.endpoint().name() + " did not answer ("
                    + e.getClass().getSimpleName() + "); this client's DNS answer holds until its TTL runs out\n");
            return;
        }
        relay(ex, r, answer.endpoint(), null);
    }

    /** Front Door: the first online endpoint, and the next one when it fails to connect, times out or answers 5xx. */
    private void viaProxy(HttpExchange ex, String steerPath) throws IOException {
        List<FrontEndpoint> order = prober.byPreference();
        IOException last = null;
        for (int attempt = 0; attempt < order.size(); attempt++) {
            FrontEndpoint e = order.get(attempt);
            try {
                HttpResponse<byte[]> r = forward(ex, e);
                if (r.statusCode() >= 500 && attempt + 1 < order.size()) {
                    continue;
                }
                relay(ex, r, e, steerPath);
                return;
            } catch (IOException io) {
                last = io;
            }
        }
        Http.send(ex, 502, "text/plain", "no origin answered (" + (last == null ? "5xx" : last.getClass().getSimpleName()) + ")\n");
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, FrontEndpoint e) throws IOException {
        URI target = URI.create(e.origin().get() + ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(15))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
        ex.getRequestHeaders().forEach((name, values) -> {
            if (FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e1) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private void relay(HttpExchange ex, HttpResponse<byte[]> r, FrontEndpoint from, String steerPath) throws IOException {
        Headers out = ex.getResponseHeaders();
        r.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> out.add(name, v));
            }
        });
        out.set(OriginHandler.SERVED_BY, from.name());
        byte[] body = r.body();
        if (steerPath != null && r.statusCode() == 200) {
            body = steered(steerPath, new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            out.remove("ETag");
            out.set("Cache-Control", "no-cache");
        }
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        boolean empty = head || body.length == 0 || r.statusCode() == 204 || r.statusCode() == 304;
        ex.sendResponseHeaders(r.statusCode(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
        ex.close();
    }

    private String steered(String path, String manifest) {
        String dir = path.substring(0, path.toLowerCase(Locale.ROOT).indexOf(".ism/") + 5);
        List<SteeringManifests.Pathway> pathways = prober.byPreference().stream()
                .map(e -> new SteeringManifests.Pathway(e.name(), e.origin().get() + dir)).toList();
        return manifest.startsWith("#EXTM3U") ? SteeringManifests.hls(manifest, pathways, url() + "/steering/hls")
                : SteeringManifests.dash(manifest, pathways, url() + "/steering/dash");
    }

    private void steering(HttpExchange ex) throws IOException {
        List<String> order = prober.byPreference().stream().map(FrontEndpoint::name).toList();
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        Http.send(ex, 200, "application/json", SteeringManifests.steeringResponse(order, settings.ttl().toSeconds()));
    }

    private static boolean isClientManifest(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.matches(".*\\.ism/manifest\\(.*format=(m3u8-aapl|m3u8-cmaf|mpd-time-csf|mpd-time-cmaf).*");
    }

    @Override
    public void close() {
        prober.close();
        server.stop(0);
        timer.shutdownNow();
        executor.shutdownNow();
    }
}
