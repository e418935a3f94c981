package dev.amsh.emulator.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Puts a {@link FaultInjector} in front of one surface of one datacenter. A drawn fault is applied the way real
 * services fail: refusals (503, 500) answer before the handler runs; a reset closes the connection before it
 * runs; a lost response runs the handler (the request is applied) and closes the connection instead of
 * answering; latency delays the answer; a hang holds the exchange open and drops it much later, without
 * holding a server thread.
 */
public final class FaultyHandler implements HttpHandler {
    private final Function<String, String> datacenterOfPath;
    private final Surface surface;
    private final FaultInjector faults;
    private final HttpHandler delegate;
    private final ScheduledExecutorService timer;
    private final long hangMillis;

    public FaultyHandler(String datacenter, Surface surface, FaultInjector faults, HttpHandler delegate,
                         ScheduledExecutorService timer, long hangMillis) {
        this(path -> datacenter, surface, faults, delegate, timer, hangMillis);
    }

    /** For a surface shared by both datacenters (storage): the datacenter is told by the request path. */
    public FaultyHandler(Function<String, String> datacenterOfPath, Surface surface,
                         FaultInjector faults, HttpHandler delegate, ScheduledExecutorService timer, long hangMillis) {
        this.datacenterOfPath = datacenterOfPath;
        this.surface = surface;
        this.faults = faults;
        this.delegate = delegate;
        this.timer = timer;
        this.hangMillis = hangMillis;
    }

    private Predicate<HttpExchange> exempt = ex -> false;

    /** Requests never failed here (a service's own traffic to itself, which its clients do not see). */
    public FaultyHandler exempting(Predicate<HttpExchange> exempt) {
        this.exempt = exempt;
        return this;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (exempt.test(ex)) {
            delegate.handle(ex);
            return;
        }
        String request = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
        Optional<FaultKind> fault = faults.draw(datacenterOfPath.apply(ex.getRequestURI().getRawPath()), surface, request);
        if (fault.isEmpty()) {
            delegate.handle(ex);
            return;
        }
        switch (fault.get()) {
            case SERVICE_UNAVAILABLE -> refuse(ex, 503, "ServerBusy", "The server is busy. Retry later.");
            case THROTTLED -> refuse(ex, 429, "TooManyRequests", "The request rate is over the account's limit. Retry later.");
            case INTERNAL_ERROR -> refuse(ex, 500, "InternalError", "The server encountered an internal error.");
            case RESET -> {
                ex.getRequestBody().readAllBytes();
                ex.close(); // no response headers sent: the server closes the connection
            }
            case LOST_RESPONSE -> {
                delegate.handle(new SwallowingExchange(ex));
                ex.close();
            }
            case LATENCY -> {
                try {
                    Thread.sleep(faults.latencyMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                delegate.handle(ex);
            }
            case HANG -> timer.schedule(ex::close, hangMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void refuse(HttpExchange ex, int status, String code, String message) throws IOException {
        ex.getRequestBody().readAllBytes();
        String type;
        String body;
        switch (surface) {
            case STORAGE -> {
                type = "application/xml";
                body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>";
                ex.getResponseHeaders().set("x-ms-error-code", code);
            }
            case API -> {
                type = "application/json; charset=utf-8";
                body = "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\""
                        + message + "\"}}}";
            }
            default -> {
                type = "text/plain";
                body = message + "\n";
            }
        }
        if (status == 503 || status == 429) {
            ex.getResponseHeaders().set("Retry-After", "1");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
        ex.close();
    }
}
