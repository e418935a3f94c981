package dev.amsh.emulator.origin;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.sun.net.httpserver.HttpExchange;
import dev.amsh.emulator.origin.packaging.OriginError;
import dev.amsh.emulator.rest.Http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One file of an asset served as it is stored (progressive download), with single byte ranges. */
final class ProgressiveFile {
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
    private static final Map<String, String> TYPES = Map.of("mp4", "video/mp4", "ism", "application/xml",
            "ismc", "application/vnd.ms-sstr+xml", "xml", "application/xml", "m4a", "audio/mp4", "json", "application/json");

    private ProgressiveFile() {
    }

    static void send(HttpExchange ex, BlobClient blob) throws IOException {
        BlobProperties props;
        try {
            props = blob.getProperties();
        } catch (BlobStorageException e) {
            throw OriginError.notFound("the asset holds no " + blob.getBlobName());
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
        String file = blob.getBlobName();
        String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        ex.getResponseHeaders().add("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        ex.getResponseHeaders().add("ETag", props.getETag());
        ex.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
        long count = end - start + 1;
        if (ex.getRequestMethod().equalsIgnoreCase("HEAD")) {
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
