package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.PublishedSample;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the procedure promises a viewer: after amsh's failover of an encoded, published asset, b's origin answers
 * every streaming path (each format's manifest, every playlist, init segment and fragment) with the same bytes
 * as a's, under a URL that differs only by host.
 */
@ExtendWith(LocalPairExtension.class)
class StreamingFailoverTest {
    static final List<String> FORMATS = List.of("m3u8-aapl", "m3u8-cmaf", "mpd-time-csf", "mpd-time-cmaf");
    static final Pattern MEDIA_PLAYLIST = Pattern.compile("QualityLevels\\((\\d+)\\)/Manifest\\((\\w+),format=m3u8-aapl\\)");
    static final Pattern FRAGMENT_TIME = Pattern.compile("Fragments\\(\\w+=(\\d+),");

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void bServesTheSameBytesAsAForEveryStreamingPath(LocalPair pair) throws Exception {
        PairContexts pc = new PairContexts(pair);
        AccountContext a = pc.contexts.get("a");
        AccountContext b = pc.contexts.get("b");
        PublishedSample sample = PublishedSample.encodeAndPublish(pair, "a", Files.createTempDirectory("amsh-sf"), 5);

        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, sample.outputAssetId(),
                new DatacenterFailover.Options(false, false, CopyOptions.defaults()), s -> { }, p -> { }, new CopyCancellation());
        String originA = r.originalUrl().substring(0, r.originalUrl().lastIndexOf('/') + 1);
        String originB = r.replicatedUrl().substring(0, r.replicatedUrl().lastIndexOf('/') + 1);
        assertEquals(originA.replaceFirst("^http://[^/]+", ""), originB.replaceFirst("^http://[^/]+", ""));

        Set<String> paths = streamingPaths(originA);
        int bytes = 0;
        for (String path : paths) {
            HttpResponse<byte[]> fromA = get(originA + path);
            HttpResponse<byte[]> fromB = get(originB + path);
            assertEquals(200, fromA.statusCode(), "a: " + path);
            assertEquals(200, fromB.statusCode(), "b: " + path);
            assertArrayEquals(fromA.body(), fromB.body(), path);
            assertEquals(fromA.headers().firstValue("ETag"), fromB.headers().firstValue("ETag"), path);
            bytes += fromA.body().length;
        }
        assertTrue(paths.size() > 100, "paths compared: " + paths.size());
        System.out.printf("a and b answered %d streaming paths with the same %d bytes%n", paths.size(), bytes);

        pair.datacenter("a").stop();
        try {
            assertEquals(200, get(originB + "manifest(format=m3u8-cmaf)").statusCode(), "b streams with a down");
        } finally {
            pair.datacenter("a").start();
        }
    }

    /** Every path of every format, found by reading the HLS playlists (their fragment times serve all formats). */
    private Set<String> streamingPaths(String base) throws Exception {
        Set<String> paths = new LinkedHashSet<>(List.of("manifest", "Manifest"));
        FORMATS.forEach(f -> paths.add("manifest(format=" + f + ")"));
        String master = text(get(base + "manifest(format=m3u8-aapl)"));
        Matcher m = MEDIA_PLAYLIST.matcher(master);
        Set<String> renditions = new LinkedHashSet<>();
        while (m.find()) {
            renditions.add(m.group(1) + "/" + m.group(2));
        }
        assertTrue(renditions.size() >= 4, "renditions: " + renditions);
        for (String rendition : renditions) {
            String bitrate = rendition.split("/")[0];
            String track = rendition.split("/")[1];
            String prefix = "QualityLevels(" + bitrate + ")/";
            String playlist = text(get(base + prefix + "Manifest(" + track + ",format=m3u8-aapl)"));
            List<String> times = new ArrayList<>();
            Matcher t = FRAGMENT_TIME.matcher(playlist);
            while (t.find()) {
                times.add(t.group(1));
            }
            paths.add(prefix + "Manifest(" + track + ",format=m3u8-cmaf)");
            paths.add(prefix + "Manifest(" + track + ",format=m3u8-aapl)");
            for (String time : times) {
                paths.add(prefix + "Fragments(" + track + "=" + time + ")");
            }
            for (String format : FORMATS) {
                paths.add(prefix + "Fragments(" + track + "=i,format=" + format + ")");
                for (String time : times) {
                    paths.add(prefix + "Fragments(" + track + "=" + time + ",format=" + format + ")");
                }
            }
        }
        return paths;
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
