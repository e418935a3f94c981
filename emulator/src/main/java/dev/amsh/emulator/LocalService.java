package dev.amsh.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.front.FrontStatus;
import dev.amsh.emulator.front.FrontStatusJson;
import dev.amsh.emulator.rest.Http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The local pair run as a service: the pair, a loopback control endpoint (stop/start one datacenter, shut
 * down) guarded by a random token, and the endpoints JSON written under the data directory for clients.
 */
public final class LocalService implements AutoCloseable {
    public static final String ENDPOINTS_FILE = "endpoints.json";

    private final LocalPair pair;
    private final Path endpointsFile;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private HttpServer control;

    public LocalService(LocalPair.Options options, Path endpointsFile) {
        this.pair = new LocalPair(options);
        this.endpointsFile = endpointsFile;
    }

    public LocalService start() throws IOException {
        pair.start();
        try {
            control = HttpServers.create(new InetSocketAddress(InetAddress.getByName(Datacenter.HOST), 0), 16);
            control.createContext("/", this::handle);
            control.start();
            LocalPair.writeEndpoints(endpointsFile, endpoints());
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public LocalPair pair() {
        return pair;
    }

    public Endpoints endpoints() {
        return pair.endpoints("http://" + Datacenter.HOST + ":" + control.getAddress().getPort(), token);
    }

    public Path endpointsFile() {
        return endpointsFile;
    }

    /** Blocks until a shutdown request arrives over the control endpoint. */
    public void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    private void handle(HttpExchange ex) throws IOException {
        if (!token.equals(ex.getRequestHeaders().getFirst("X-Amsh-Control"))) {
            Http.send(ex, 403, "text/plain", "forbidden\n");
            return;
        }
        String path = ex.getRequestURI().getPath();
        try {
            if (path.equals("/status")) {
                StringBuilder sb = new StringBuilder();
                for (String n : LocalPair.NAMES) {
                    sb.append(n).append(' ').append(pair.member(n).running() ? "up" : "down").append('\n');
                }
                sb.append(pair.faults().status()).append('\n');
                FrontStatus front = pair.front().status();
                sb.append("front ").append(front.url()).append(' ').append(front.settings().mode().word())
                        .append(", serving ").append(front.serving()).append('\n');
                Http.send(ex, 200, "text/plain", sb.toString());
            } else if (path.equals("/front")) {
                Http.send(ex, 200, "application/json", FrontStatusJson.write(pair.front().status()));
            } else if (path.equals("/front/set")) {
                pair.front().apply(Http.query(ex.getRequestURI().getRawQuery()));
                pair.log().line("front set: " + pair.front().settings().describe());
                Http.send(ex, 200, "application/json", FrontStatusJson.write(pair.front().status()));
            } else if (path.equals("/faults/off")) {
                pair.faults().set(FaultPlan.OFF);
                Http.send(ex, 200, "text/plain", FaultPlan.OFF.describe() + "\n");
            } else if (path.equals("/faults")) {
                FaultPlan plan = FaultPlan.fromQuery(Http.query(ex.getRequestURI().getRawQuery()));
                pair.faults().set(plan);
                pair.log().line("faults set: " + plan.describe());
                Http.send(ex, 200, "text/plain", plan.describe() + "\n");
            } else if (path.matches("/(stop|start)/[a-z]+")) {
                String[] parts = path.split("/");
                PairMember d = pair.member(parts[2]);
                if (parts[1].equals("stop")) {
                    d.stop();
                } else {
                    d.start();
                }
                Http.send(ex, 200, "text/plain", parts[2] + " " + (d.running() ? "up" : "down") + "\n");
            } else if (path.equals("/shutdown")) {
                Http.send(ex, 200, "text/plain", "shutting down\n");
                shutdown.countDown();
            } else {
                Http.send(ex, 404, "text/plain", "not found\n");
            }
        } catch (IllegalArgumentException e) {
            Http.send(ex, path.startsWith("/faults") || path.startsWith("/front") ? 400 : 404, "text/plain", e.getMessage() + "\n");
        }
    }

    /** Sends a control request to a running service described by an endpoints file; empty when none answers. */
    private static final HttpClient CONTROL_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static Optional<String> control(Path endpointsFile, String path) {
        if (!Files.isRegularFile(endpointsFile)) {
            return Optional.empty();
        }
        try {
            Endpoints e = LocalPair.readEndpoints(endpointsFile);
            if (e.control() == null) {
                return Optional.empty();
            }
            HttpResponse<String> r = CONTROL_HTTP.send(
                    HttpRequest.newBuilder(URI.create(e.control() + path)).header("X-Amsh-Control", e.controlToken())
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 400) {
                throw new IllegalArgumentException(r.body().strip());
            }
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException ex) {
            return Optional.empty();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (control != null) {
            control.stop(0);
        }
        pair.close();
        try {
            Files.deleteIfExists(endpointsFile);
        } catch (IOException ignored) {
            // a stale file is detected by its control endpoint not answering
        }
    }
}
