package dev.amsh.emulator.origin;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.amsh.emulator.rest.Http;
import dev.amsh.emulator.rest.RestApi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The streaming endpoint: {@code /{locator-guid}/{file}} serves a file of the asset an active origin locator
 * publishes, with Range support; {@code /{guid}/{name}.ism/manifest} serves the Smooth client manifest
 * ({@code .ismc}) beside it. Anything else, or a locator outside its start/expiry window, is a 404.
 */
public final class OriginHandler implements HttpHandler {
    private static final Pattern PATH = Pattern.compile("^/([0-9a-fA-F-]{36})/(.+)$");
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
    private static final Map<String, String> TYPES = Map.of("mp4", "video/mp4", "ism", "application/xml",
            "ismc", "application/vnd.ms-sstr+xml", "xml", "application/xml", "m4a", "audio/mp4", "json", "application/json");

    private final RestApi api;

    public OriginHandler(RestApi api) {
        this.api = api;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            serve(ex);
        } catch (RuntimeException e) {
            Http.send(ex, 500, "text/plain", "origin error\n");
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Http.send(ex, 405, "text/plain", "method not allowed\n");
            return;
        }
        Matcher m = PATH.matcher(URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8));
        if (!m.matches()) {
            Http.send(ex, 404, "text/plain", "not found\n");
            return;
        }
        ObjectNode locator = api.activeOriginLocator(m.group(1)).orElse(null);
        if (locator == null) {
            Http.send(ex, 404, "text/plain", "not found\n");
            return;
        }
        String file = m.group(2);
        String container = locator.path("_container").asText();
        if (file.toLowerCase(Locale.ROOT).matches(".+\\.ism/manifest(\\(.*\\))?")) {
            file = file.substring(0, file.toLowerCase(Locale.ROOT).indexOf(".ism/")) + ".ismc";
        }
        if (file.contains("/")) {
            Http.send(ex, 404, "text/plain", "not found\n");
            return;
        }
        BlobClient blob = api.storage().container(container).getBlobClient(file);
        BlobProperties props;
        try {
            props = blob.getProperties();
        } catch (BlobStorageException e) {
            Http.send(ex, 404, "text/plain", "not found\n");
            return;
        }
        long length = props.getBlobSize();
        long start = 0;
        long end = length - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher r = RANGE.matcher(range.trim());
            if (!r.matches() || (r.group(1).isEmpty() && r.group(2).isEmpty())) {
                rangeNotSatisfiable(ex, length);
                return;
            }
            if (r.group(1).isEmpty()) {
                start = Math.max(0, length - Long.parseLong(r.group(2)));
            } else {
                start = Long.parseLong(r.group(1));
                end = r.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(r.group(2)));
            }
            if (start >= length || start > end) {
                rangeNotSatisfiable(ex, length);
                return;
            }
            status = 206;
            ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + end + "/" + length);
        }
        String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        ex.getResponseHeaders().add("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        long count = end - start + 1;
        if (method.equals("HEAD")) {
            ex.getResponseHeaders().add("Content-Length", String.valueOf(count));
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, count == 0 ? -1 : count);
        if (count > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                blob.downloadStreamWithResponse(os, new BlobRange(start, count), null, null, false, null, null);
            }
        }
        ex.close();
    }

    private static void rangeNotSatisfiable(HttpExchange ex, long length) throws IOException {
        ex.getResponseHeaders().add("Content-Range", "bytes */" + length);
        Http.send(ex, 416, "text/plain", "range not satisfiable\n");
    }
}
