package dev.amsh.emulator.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pair's storage endpoint as clients see it: a loopback reverse proxy in front of Azurite, so faults can be
 * injected into storage traffic like into the APIs and origins. Requests and answers pass unchanged, the Host
 * header included: Azurite accepts a cross-account Copy Blob From URL only when the copy source names the host
 * the request came to, and Shared Key and SAS signatures do not cover the host. Bodies stream through.
 */
public final class StorageProxy implements HttpHandler {
    private static final Set<String> SKIP_REQUEST = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "expect", "upgrade");
    private static final Set<String> SKIP_RESPONSE = Set.of("connection", "transfer-encoding", "keep-alive", "date",
            "content-length");

    private final String upstream;
    private final OkHttpClient http;

    /** {@code upstream} is Azurite's base, e.g. {@code http://127.0.0.1:10000}. */
    public StorageProxy(String upstream) {
        this.upstream = upstream;
        // storage calls are idempotent and Azurite drops idle keep-alive connections: a stale one is simply reopened
        this.http = new OkHttpClient.Builder().followRedirects(false).retryOnConnectionFailure(true)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofMinutes(10))
                .writeTimeout(Duration.ofMinutes(10)).build();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String query = ex.getRequestURI().getRawQuery();
            String target = upstream + ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            RequestBody rb = body.length > 0 || requiresBody(method)
                    ? RequestBody.create(body, type == null ? null : MediaType.parse(type)) : null;
            Request.Builder b = new Request.Builder().url(target).method(method, rb);
            for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
                if (!SKIP_REQUEST.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    h.getValue().forEach(v -> b.addHeader(h.getKey(), v));
                }
            }
            try (Response r = http.newCall(b.build()).execute()) {
                r.headers().toMultimap().forEach((k, vs) -> {
                    if (!SKIP_RESPONSE.contains(k.toLowerCase(Locale.ROOT))) {
                        vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                    }
                });
                String declared = r.header("Content-Length");
                if (method.equalsIgnoreCase("HEAD")) {
                    // a HEAD answer carries the blob's length without a body
                    if (declared != null) {
                        ex.getResponseHeaders().set("Content-Length", declared);
                    }
                    ex.sendResponseHeaders(r.code(), -1);
                    return;
                }
                long length = declared == null ? -1 : Long.parseLong(declared);
                ex.sendResponseHeaders(r.code(), length == 0 ? -1 : length < 0 ? 0 : length);
                if (length != 0 && r.body() != null) {
                    try (InputStream in = r.body().byteStream(); OutputStream out = ex.getResponseBody()) {
                        in.transferTo(out);
                    }
                }
            } catch (IOException e) {
                byte[] msg = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BadGateway</Code><Message>storage "
                        + "upstream unreachable</Message></Error>").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/xml");
                ex.getResponseHeaders().set("x-ms-error-code", "BadGateway");
                ex.sendResponseHeaders(502, msg.length);
                ex.getResponseBody().write(msg);
            }
        }
    }

    private static boolean requiresBody(String method) {
        return method.equals("PUT") || method.equals("POST") || method.equals("PATCH");
    }
}
