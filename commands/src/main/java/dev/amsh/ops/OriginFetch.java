package dev.amsh.ops;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file fetched from an origin as a viewer would: the status, and for an answer with a body its length and SHA-256. */
public record OriginFetch(int status, long length, String sha256) {

    /** GETs {@code url}, streaming the body through the digest; {@code prefix} > 0 asks for that many first bytes only. */
    public static OriginFetch of(OkHttpClient http, String url, long prefix) {
        Request.Builder request = new Request.Builder().url(url).get();
        if (prefix > 0) {
            request.header("Range", "bytes=0-" + (prefix - 1));
        }
        try (Response r = http.newCall(request.build()).execute()) {
            if ((r.code() != 200 && r.code() != 206) || r.body() == null) {
                return new OriginFetch(r.code(), -1, "");
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long length = 0;
            try (InputStream in = r.body().byteStream()) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                    length += n;
                }
            }
            return new OriginFetch(r.code(), length, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            return new OriginFetch(0, -1, "");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "HTTP 200, 1234 bytes, sha256 0123456789abcdef", or "no answer". */
    public String describe() {
        return status == 0 ? "no answer" : "HTTP " + status + (length < 0 ? "" : ", " + length + " bytes, sha256 "
                + sha256.substring(0, Math.min(16, sha256.length())));
    }
}
