package dev.amsh.ops.library;

import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code compare --deep}: fetches a sample of files from both origins under the same locator path and compares
 * what viewers would get. The sample is the primary (or .ism) file, the smallest other file, and the first
 * MiB of the largest; bytes are compared by SHA-256.
 */
final class OriginSample {
    static final long LARGE_PREFIX = 1024 * 1024;

    private final OkHttpClient http;

    OriginSample(OkHttpClient http) {
        this.http = http;
    }

    List<Drift> compare(Locator sourceOrigin, Locator targetOrigin, List<AssetFile> files) {
        List<Drift> out = new ArrayList<>();
        if (sourceOrigin.path() == null || targetOrigin.path() == null) {
            return List.of(new Drift(Drift.Kind.CONTENT_DIFFERS, sourceOrigin.id(), "no origin path to fetch from"));
        }
        for (Sampled f : sample(files)) {
            String a = fetch(sourceOrigin.path() + f.name(), f.prefixOnly());
            String b = fetch(targetOrigin.path() + f.name(), f.prefixOnly());
            if (!a.equals(b)) {
                out.add(new Drift(Drift.Kind.CONTENT_DIFFERS, f.name(), "source " + a + ", replica " + b));
            }
        }
        return out;
    }

    record Sampled(String name, boolean prefixOnly) {
    }

    static List<Sampled> sample(List<AssetFile> files) {
        List<Sampled> out = new ArrayList<>();
        Optional<AssetFile> primary = files.stream().filter(AssetFile::isPrimary).findFirst()
                .or(() -> files.stream().filter(f -> f.name().toLowerCase().endsWith(".ism")).findFirst());
        primary.ifPresent(p -> out.add(new Sampled(p.name(), false)));
        List<AssetFile> rest = files.stream().filter(f -> primary.map(p -> !p.name().equals(f.name())).orElse(true))
                .sorted(Comparator.comparingLong(AssetFile::contentFileSize).thenComparing(AssetFile::name)).toList();
        if (!rest.isEmpty()) {
            out.add(new Sampled(rest.get(0).name(), false));
        }
        if (rest.size() > 1) {
            out.add(new Sampled(rest.get(rest.size() - 1).name(), true));
        }
        return out;
    }

    /** "200 n bytes sha256 …" or the status or error, so two answers compare as text. */
    private String fetch(String url, boolean prefixOnly) {
        Request.Builder r = new Request.Builder().url(url);
        if (prefixOnly) {
            r.header("Range", "bytes=0-" + (LARGE_PREFIX - 1));
        }
        try (Response response = http.newCall(r.build()).execute()) {
            if (!response.isSuccessful()) {
                return "HTTP " + response.code();
            }
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            return "HTTP 200, " + body.length + " bytes, sha256 " + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
