package dev.amsh.ops.library;

import dev.amsh.datacenter.MediaFile;
import dev.amsh.ops.OriginFetch;
import okhttp3.OkHttpClient;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** The sample fetched under both locators' bases ({@code scheme://host/GUID/}); {@code locator} names them in a drift. */
    List<Drift> compare(String sourceBase, String targetBase, String locator, List<MediaFile> files) {
        List<Drift> out = new ArrayList<>();
        if (sourceBase == null || targetBase == null) {
            return List.of(new Drift(Drift.Kind.CONTENT_DIFFERS, locator, "no origin path to fetch from"));
        }
        for (Sampled f : sample(files)) {
            long prefix = f.prefixOnly() ? LARGE_PREFIX : 0;
            OriginFetch a = OriginFetch.of(http, sourceBase + f.name(), prefix);
            OriginFetch b = OriginFetch.of(http, targetBase + f.name(), prefix);
            if (!a.equals(b)) {
                out.add(new Drift(Drift.Kind.CONTENT_DIFFERS, f.name(), "source " + a.describe() + ", replica " + b.describe()));
            }
        }
        return out;
    }

    record Sampled(String name, boolean prefixOnly) {
    }

    static List<Sampled> sample(List<MediaFile> files) {
        List<Sampled> out = new ArrayList<>();
        Optional<MediaFile> primary = files.stream().filter(MediaFile::primary).findFirst()
                .or(() -> files.stream().filter(f -> f.name().toLowerCase().endsWith(".ism")).findFirst());
        primary.ifPresent(p -> out.add(new Sampled(p.name(), false)));
        List<MediaFile> rest = files.stream().filter(f -> primary.map(p -> !p.name().equals(f.name())).orElse(true))
                .sorted(Comparator.comparingLong(MediaFile::size).thenComparing(MediaFile::name)).toList();
        if (!rest.isEmpty()) {
            out.add(new Sampled(rest.get(0).name(), false));
        }
        if (rest.size() > 1) {
            out.add(new Sampled(rest.get(rest.size() - 1).name(), true));
        }
        return out;
    }
}
