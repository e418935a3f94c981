package dev.amsh.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import dev.amsh.emulator.PublishedSample;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The origin's dynamic packaging against the floor: the same bytes served as a plain file by the same origin
 * (the packaged answer uploaded beside the ladder). Time to first byte cold (the first manifest of an asset:
 * its index is built from the MP4s' moov boxes) and warm, and requests per second, one client and eight.
 *   args: [seconds per throughput run, default 5] [assets encoded, the first warm and the rest cold, default 5]
 */
public final class OriginBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int coldAssets = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        HttpClient http = HttpClient.newHttpClient();
        try (BenchPair p = new BenchPair()) {
            List<PublishedSample> samples = new ArrayList<>();
            for (int i = 0; i < coldAssets; i++) {
                samples.add(PublishedSample.encodeAndPublish(p.pair, "a", Files.createTempDirectory("amsh-bench-origin"), 20));
            }
            PublishedSample s = samples.get(0);
            String manifest = s.base() + "manifest(format=mpd-time-csf)";
            String segment = s.base() + "QualityLevels(3520000)/Fragments(video=40000000,format=mpd-time-csf)";
            BlobContainerClient container = p.pair.datacenter("a").api().storage().container(s.container());
            byte[] manifestBytes = get(http, manifest);
            byte[] segmentBytes = get(http, segment);
            container.getBlobClient("floor-manifest.mpd").upload(BinaryData.fromBytes(manifestBytes), true);
            container.getBlobClient("floor-segment.m4s").upload(BinaryData.fromBytes(segmentBytes), true);
            String floorManifest = s.base().replace("clip.ism/", "floor-manifest.mpd");
            String floorSegment = s.base().replace("clip.ism/", "floor-segment.m4s");
            if (!Arrays.equals(get(http, floorSegment), segmentBytes)) {
                throw new IllegalStateException("the floor does not serve the same bytes");
            }

            System.out.printf("origin: DASH manifest (%d bytes) and a 1280x720 segment (%d bytes) of a 20 s encode%n",
                    manifestBytes.length, segmentBytes.length);
            List<Double> cold = new ArrayList<>();
            for (PublishedSample cs : samples.subList(1, samples.size())) {
                cold.add(ttfb(http, cs.base() + "manifest(format=mpd-time-csf)"));
            }
            System.out.printf("  time to first byte, median (ms):%n");
            System.out.printf("    manifest, cold (index built: listing + 6 moov reads)  %6.2f   (%d assets)%n",
                    median(cold), cold.size());
            Map<String, String> urls = Map.of("manifest, warm", manifest, "segment", segment,
                    "plain file, manifest's bytes", floorManifest, "plain file, segment's bytes", floorSegment);
            for (String label : List.of("manifest, warm", "plain file, manifest's bytes", "segment", "plain file, segment's bytes")) {
                for (int i = 0; i < 50; i++) {
                    ttfb(http, urls.get(label)); // the JIT's warm-up, not measured
                }
                List<Double> t = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    t.add(ttfb(http, urls.get(label)));
                }
                System.out.printf("    %-52s %6.2f%n", label, median(t));
            }
            for (int clients : List.of(1, 8)) {
                System.out.printf("  requests per second, %d client(s), %d s each:%n", clients, seconds);
                double m = rate(http, manifest, clients, seconds);
                double fm = rate(http, floorManifest, clients, seconds);
                double sg = rate(http, segment, clients, seconds);
                double fs = rate(http, floorSegment, clients, seconds);
                System.out.printf("    manifest %8.0f   plain file %8.0f   ratio %.2f%n", m, fm, m / fm);
                System.out.printf("    segment  %8.0f   plain file %8.0f   ratio %.2f%n", sg, fs, sg / fs);
            }
        }
    }

    private static byte[] get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode());
        }
        return r.body();
    }

    /** Milliseconds to the response's headers (the first byte; the origin sends headers with its first bytes). */
    private static double ttfb(HttpClient http, String url) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        double ms = (System.nanoTime() - t0) / 1e6;
        try (InputStream in = r.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return ms;
    }

    private static double rate(HttpClient http, String url, int clients, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    get(http, url);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / (double) seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
