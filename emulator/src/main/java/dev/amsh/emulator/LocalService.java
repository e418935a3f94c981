package dev.amsh.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.front.FrontStatus;
import dev.amsh.emulator.front.FrontStatusJson;
import dev.amsh.emulator.rest.Http;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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

    /**
     * Sends a control request to a running service described by an endpoints file; empty when none answers. A plain
     * loopback connection, not java.net.http: that client makes a TLS context and a selector thread on first use, and a
     * thread left waiting in native code holds up the JVM's exit by a third of a second, on every {@code amsh -c}.
     */
    public static Optional<String> control(Path endpointsFile, String path) {
        if (!Files.isRegularFile(endpointsFile)) {
            return Optional.empty();
        }
        HttpURLConnection c = null;
        try {
            Endpoints e = LocalPair.readEndpoints(endpointsFile);
            if (e.control() == null) {
                return Optional.empty();
            }
            c = (HttpURLConnection) URI.create(e.control() + path).toURL().openConnection(Proxy.NO_PROXY);
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            c.setUseCaches(false);
            c.setRequestMethod("POST");
            c.setRequestProperty("X-Amsh-Control", e.controlToken());
            c.setFixedLengthStreamingMode(0);
            c.setDoOutput(true);
            c.getOutputStream().close();
            int status = c.getResponseCode();
            if (status == 400) {
                throw new IllegalArgumentException(body(c.getErrorStream()).strip());
            }
            return status == 200 ? Optional.of(body(c.getInputStream())) : Optional.empty();
        } catch (IOException ex) {
            return Optional.empty();
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private static String body(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
