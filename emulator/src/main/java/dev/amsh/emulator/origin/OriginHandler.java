package dev.amsh.emulator.origin;

import com.azure.storage.blob.BlobContainerClient;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.amsh.emulator.common.PublishedLocators;
import dev.amsh.emulator.origin.packaging.OriginError;
import dev.amsh.emulator.origin.packaging.Packaged;
import dev.amsh.emulator.origin.packaging.Packager;
import dev.amsh.emulator.rest.Http;
import dev.amsh.emulator.storage.StorageGateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The streaming endpoint. {@code /{locator-guid}/{name}.ism/…} is dynamic packaging (Smooth, HLS, DASH from the
 * asset's MP4 ladder, see {@link Packager}); {@code /{locator-guid}/{file}} is a file of the asset, progressive,
 * with Range. Only an active locator opens either (a v2 origin locator or a v3 streaming locator, told by
 * {@link PublishedLocators}); anything else is a 404, and everything is a 503 while the endpoint is stopped. Every answer carries CORS
 * headers, and packaged ones a content ETag (the same on both datacenters) and a max-age.
 */
public final class OriginHandler implements HttpHandler {
    private static final Pattern PATH = Pattern.compile("^/([0-9a-fA-F-]{36})/(.+)$");

    /** names the datacenter on every answer, so a player behind a front shows which origin served it */
    public static final String SERVED_BY = "x-amsh-origin";

    private final String datacenter;
    private final PublishedLocators locators;
    private final StorageGateway storage;
    private final Packager packager;

    public OriginHandler(String datacenter, PublishedLocators locators, StorageGateway storage, Packager packager) {
        this.datacenter = datacenter;
        this.locators = locators;
        this.storage = storage;
        this.packager = packager;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.add("Access-Control-Allow-Origin", "*");
        h.add("Access-Control-Expose-Headers", "Content-Length, Content-Range, Date, ETag, Server, " + SERVED_BY);
        h.add(SERVED_BY, datacenter);
        try {
            serve(ex);
        } catch (OriginError e) {
            Http.send(ex, e.status(), "text/plain; charset=utf-8", e.getMessage() + "\n");
        } catch (RuntimeException e) {
            Http.send(ex, 500, "text/plain; charset=utf-8", "origin error\n");
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        if (method.equals("OPTIONS")) {
            Headers h = ex.getResponseHeaders();
            h.add("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            h.add("Access-Control-Allow-Headers", "Range, If-None-Match, Origin, Accept");
            h.add("Access-Control-Max-Age", "86400");
            Http.sendEmpty(ex, 204);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().add("Allow", "GET, HEAD, OPTIONS");
            Http.send(ex, 405, "text/plain", "method not allowed\n");
            return;
        }
        var stopped = locators.notServing();
        if (stopped.isPresent()) {
            throw OriginError.unavailable(stopped.get());
        }
        if (ex.getRequestURI().getPath().equals("/")) {
            // the root answers 200: what a traffic manager's default probe path asks
            Http.send(ex, 200, "text/plain", "amsh origin " + datacenter + "\n");
            return;
        }
        Matcher m = PATH.matcher(URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8));
        if (!m.matches()) {
            throw OriginError.notFound("not a streaming path: /{locator-guid}/{file} or /{locator-guid}/{name}.ism/manifest");
        }
        PublishedLocators.Published published = locators.active(m.group(1))
                .orElseThrow(() -> OriginError.notFound("no active origin locator " + m.group(1)));
        String container = published.container();
        BlobContainerClient blobs = storage.container(container);
        String path = m.group(2);
        if (Packager.isPackaged(path)) {
            sendPackaged(ex, packager.serve(container, new ContainerMediaSource(blobs), path));
        } else if (path.contains("/")) {
            throw OriginError.notFound("no such file: " + path);
        } else {
            ProgressiveFile.send(ex, blobs.getBlobClient(path));
        }
    }

    private static void sendPackaged(HttpExchange ex, Packaged p) throws IOException {
        Headers h = ex.getResponseHeaders();
        String etag = etag(p.body());
        h.set("ETag", etag);
        h.set("Cache-Control", "public, max-age=" + p.maxAgeSeconds());
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            Http.sendEmpty(ex, 304);
            return;
        }
        h.set("Content-Type", p.contentType());
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        if (head) {
            h.set("Content-Length", String.valueOf(p.body().length));
        }
        ex.sendResponseHeaders(200, head || p.body().length == 0 ? -1 : p.body().length);
        if (!head && p.body().length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(p.body());
            }
        }
        ex.close();
    }

    /**
     * An ETag from the bytes (CRC-32C and length: cheap next to a digest, and enough to revalidate): what both
     * datacenters answer alike, so a cache in front can revalidate across them.
     */
    private static String etag(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
    }
}
