package dev.amsh.emulator;

import com.azure.core.util.BinaryData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Dynamic packaging on the origin, over a ladder the pair's encoder made: every format's manifest parses
 * strictly and cuts at the ladder's keyframes; fragments carry the ladder's own samples (decoded by ffmpeg to
 * the same frames); the origin's headers, options and errors are the service's.
 */
@ExtendWith(LocalPairExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginPackagingTest {
    RawClient c;
    LocalPair pair;
    String base;
    String container;
    Path dir;
    List<Long> keyframeTicks;
    final List<Long> ladderBitrates = List.of(3520000L, 2210000L, 1150000L, 720000L, 380000L);

    @BeforeAll
    void encodeAndPublish(LocalPair pair) throws Exception {
        this.pair = pair;
        c = new RawClient(pair.endpoints(null, null).get("a"));
        dir = Files.createTempDirectory("amsh-packaging");
        PublishedSample sample = PublishedSample.encodeAndPublish(pair, "a", dir, 5);
        base = sample.base();
        container = sample.container();
        for (String f : List.of("clip_1280x720_3520.mp4", "clip_AACAudio_128_Audio1.mp4")) {
            pair.datacenter("a").api().storage().container(sample.container()).getBlobClient(f)
                    .downloadToFile(dir.resolve(f).toString(), true);
        }
        keyframeTicks = Arrays.stream(EncoderTest.keyframeTimes(pair.ffmpeg(), dir.resolve("clip_1280x720_3520.mp4")).split(" "))
                .map(s -> Math.round(Double.parseDouble(s) * 10_000_000)).toList();
        assertEquals(List.of(0L, 20_000_000L, 40_000_000L), keyframeTicks, "the encoder's keyframes every 2 s");
    }

    @Test
    void smoothManifestListsTheLadderAndCutsAtItsKeyframes() throws Exception {
        HttpResponse<byte[]> r = get(base + "Manifest");
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.ms-sstr+xml", r.headers().firstValue("Content-Type").orElse(""));
        Document doc = xml(r.body(), false);
        Element video = streamIndex(doc, "video");
        NodeList levels = video.getElementsByTagName("QualityLevel");
        List<Long> bitrates = new ArrayList<>();
        for (int i = 0; i < levels.getLength(); i++) {
            Element q = (Element) levels.item(i);
            bitrates.add(Long.parseLong(q.getAttribute("Bitrate")));
            assertTrue(q.getAttribute("CodecPrivateData").startsWith("0000000167"), "SPS behind a start code");
            assertEquals("H264", q.getAttribute("FourCC"));
        }
        assertEquals(ladderBitrates, bitrates);
        assertEquals(keyframeTicks, chunkStarts(video));
        assertEquals("QualityLevels({bitrate})/Fragments(video={start time})", video.getAttribute("Url"));
        Element audio = streamIndex(doc, "audio");
        Element aq = (Element) audio.getElementsByTagName("QualityLevel").item(0);
        assertEquals("AACL", aq.getAttribute("FourCC"));
        assertEquals("48000", aq.getAttribute("SamplingRate"));
        assertTrue(aq.getAttribute("CodecPrivateData").startsWith("1190"), "AAC-LC 48 kHz stereo: " + aq.getAttribute("CodecPrivateData"));
        long duration = Long.parseLong(doc.getDocumentElement().getAttribute("Duration"));
        assertEquals(5.0, duration / 1e7, 0.1);

        // a Smooth fragment carries tfxd (absolute time and duration), no tfdt and no init segment
        byte[] fragment = get(base + "QualityLevels(3520000)/Fragments(video=20000000)").body();
        ByteBuffer tfxd = Mp4Boxes.find(fragment, "moof/traf/uuid").get(0);
        assertEquals(0x6D1D9B05, tfxd.getInt(0));
        assertEquals(20_000_000L, tfxd.getLong(20));
        assertEquals(20_000_000L, tfxd.getLong(28));
        assertTrue(Mp4Boxes.find(fragment, "moof/traf/tfdt").isEmpty());
        assertEquals(400, get(base + "QualityLevels(3520000)/Fragments(video=i)").statusCode());
    }

    @Test
    void dashManifestsParseAndTheirTimelinesAreTheKeyframes() throws Exception {
        for (String format : List.of("mpd-time-csf", "mpd-time-cmaf")) {
            HttpResponse<byte[]> r = get(base + "manifest(format=" + format + ")");
            assertEquals(200, r.statusCode(), format);
            assertEquals("application/dash+xml", r.headers().firstValue("Content-Type").orElse(""));
            Document doc = xml(r.body(), true);
            assertEquals("urn:mpeg:dash:schema:mpd:2011", doc.getDocumentElement().getNamespaceURI());
            assertEquals("static", doc.getDocumentElement().getAttribute("type"));
            NodeList sets = doc.getElementsByTagNameNS("*", "AdaptationSet");
            assertEquals(2, sets.getLength());
            Element video = (Element) sets.item(0);
            assertEquals("video", video.getAttribute("contentType"));
            List<Long> bandwidths = new ArrayList<>();
            NodeList reps = video.getElementsByTagNameNS("*", "Representation");
            for (int i = 0; i < reps.getLength(); i++) {
                bandwidths.add(Long.parseLong(((Element) reps.item(i)).getAttribute("bandwidth")));
                assertTrue(((Element) reps.item(i)).getAttribute("codecs").startsWith("avc1.64"));
            }
            assertEquals(ladderBitrates, bandwidths);
            Element template = (Element) video.getElementsByTagNameNS("*", "SegmentTemplate").item(0);
            assertEquals("QualityLevels($Bandwidth$)/Fragments(video=$Time$,format=" + format + ")", template.getAttribute("media"));
            List<Long> starts = timeline(template);
            assertEquals(keyframeTicks, starts);

            // every segment of the lowest rung resolves, with its tfdt at the time the timeline gives
            for (long t : starts) {
                byte[] segment = get(base + "QualityLevels(380000)/Fragments(video=" + t + ",format=" + format + ")").body();
                assertEquals(t, Mp4Boxes.find(segment, "moof/traf/tfdt").get(0).getLong(4));
            }
            Element audio = (Element) sets.item(1);
            Element audioTemplate = (Element) audio.getElementsByTagNameNS("*", "SegmentTemplate").item(0);
            assertEquals(keyframeTicks.size(), timeline(audioTemplate).size(), "audio cut beside the video");
        }
    }

    @Test
    void hlsPlaylistsParseStrictlyAndCutAtTheKeyframes() throws Exception {
        for (String format : List.of("m3u8-aapl", "m3u8-cmaf")) {
            HttpResponse<byte[]> r = get(base + "manifest(format=" + format + ")");
            assertEquals(200, r.statusCode());
            assertEquals("application/vnd.apple.mpegurl", r.headers().firstValue("Content-Type").orElse(""));
            M3u8 master = M3u8.parse(text(r));
            List<M3u8.Tag> variants = master.all("EXT-X-STREAM-INF");
            assertEquals(ladderBitrates.size() + 1, variants.size(), "the ladder and the audio-only variant");
            assertEquals("1280x720", variants.get(0).attributes().get("RESOLUTION"));
            assertEquals("audio", variants.get(0).attributes().get("AUDIO"));
            M3u8.Tag audio = master.one("EXT-X-MEDIA");
            assertEquals("AUDIO", audio.attributes().get("TYPE"));

            M3u8 media = M3u8.parse(text(get(base + variants.get(0).uri())));
            assertEquals("VOD", media.one("EXT-X-PLAYLIST-TYPE").value());
            assertEquals("Fragments(video=i,format=" + format + ")", media.one("EXT-X-MAP").attributes().get("URI"));
            List<Long> starts = new ArrayList<>();
            double total = 0;
            long target = Long.parseLong(media.one("EXT-X-TARGETDURATION").value());
            for (M3u8.Tag inf : media.all("EXTINF")) {
                double d = Double.parseDouble(inf.value().substring(0, inf.value().indexOf(',')));
                assertTrue(Math.round(d) <= target, "EXTINF " + d + " over the target duration " + target);
                total += d;
                String uri = inf.uri();
                starts.add(Long.parseLong(uri.substring(uri.indexOf('=') + 1, uri.indexOf(','))));
            }
            assertEquals(keyframeTicks, starts);
            assertEquals(5.0, total, 0.1);
            media.one("EXT-X-ENDLIST");
            M3u8 audioMedia = M3u8.parse(text(get(base + audio.attributes().get("URI"))));
            assertEquals(keyframeTicks.size(), audioMedia.all("EXTINF").size());
        }
        // audio-only=false drops the audio-only variant; a trailing .m3u8 is accepted
        M3u8 noAudioOnly = M3u8.parse(text(get(base + "manifest(format=m3u8-aapl,audio-only=false).m3u8")));
        assertEquals(ladderBitrates.size(), noAudioOnly.all("EXT-X-STREAM-INF").size());
    }

    @Test
    void fragmentsDecodeToTheLaddersOwnFrames() throws Exception {
        String format = "m3u8-cmaf";
        for (String track : List.of("video", "audio")) {
            String rung = track.equals("video") ? "QualityLevels(3520000)/" : "QualityLevels(128000)/";
            M3u8 media = M3u8.parse(text(get(base + rung + "Manifest(" + track + ",format=" + format + ")")));
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            joined.writeBytes(get(base + rung + media.one("EXT-X-MAP").attributes().get("URI")).body());
            for (M3u8.Tag inf : media.all("EXTINF")) {
                HttpResponse<byte[]> s = get(base + rung + inf.uri());
                assertEquals(200, s.statusCode(), inf.uri());
                assertEquals(track + "/mp4", s.headers().firstValue("Content-Type").orElse(""));
                joined.writeBytes(s.body());
            }
            Path fragmented = dir.resolve(track + "-fragmented.mp4");
            Files.write(fragmented, joined.toByteArray());
            List<String> source = frameHashes(dir.resolve(track.equals("video") ? "clip_1280x720_3520.mp4"
                    : "clip_AACAudio_128_Audio1.mp4"));
            List<String> packaged = frameHashes(fragmented);
            if (track.equals("audio")) {
                // the source's edit list hides AAC's priming frame; the fragments keep it, as the service's did
                packaged = packaged.subList(1, packaged.size());
            }
            assertFalse(source.isEmpty());
            assertEquals(source, packaged, track + ": the same decoded frames, in the same order");
        }
    }

    @Test
    void theOriginAnswersWithCorsCachingAndTheServicesErrors() throws Exception {
        HttpResponse<byte[]> m = get(base + "manifest(format=mpd-time-csf)");
        assertEquals("*", m.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("public, max-age=60", m.headers().firstValue("Cache-Control").orElse(""));
        String etag = m.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = c.http.send(HttpRequest.newBuilder(URI.create(base + "manifest(format=mpd-time-csf)"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        HttpResponse<byte[]> preflight = c.http.send(HttpRequest.newBuilder(URI.create(base + "manifest"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://player.example")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "range").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Range"));
        HttpResponse<byte[]> segment = get(base + "QualityLevels(380000)/Fragments(video=0,format=mpd-time-csf)");
        assertEquals("public, max-age=3600", segment.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<byte[]> range = c.get(base.replace("clip.ism/", "clip_320x180_380.mp4"), "bytes=0-99");
        assertEquals(206, range.statusCode());
        assertEquals(100, range.body().length);

        assertError(400, "unknown format 'm3u8-v9'", base + "manifest(format=m3u8-v9)");
        assertError(400, "unknown option 'filter'", base + "manifest(format=m3u8-aapl,filter=x)");
        assertError(404, "no quality level 999", base + "QualityLevels(999)/Manifest(video,format=m3u8-aapl)");
        assertError(404, "no fragment of video starts at 12345", base + "QualityLevels(380000)/Fragments(video=12345,format=mpd-time-csf)");
        assertError(404, "no track 'subtitles'", base + "QualityLevels(380000)/Fragments(subtitles=0,format=mpd-time-csf)");
        assertError(404, "the asset holds no other.ism", base.replace("clip.ism/", "other.ism/") + "manifest");
    }

    @Test
    void mediaTheOriginCannotPackageIsRefusedWithTheReason() throws Exception {
        var blobs = pair.datacenter("a").api().storage().container(container);
        byte[] junk = new byte[5000];
        new Random(3).nextBytes(junk);
        blobs.getBlobClient("junk.mp4").upload(BinaryData.fromBytes(junk), true);
        blobs.getBlobClient("junk.ism").upload(BinaryData.fromString(smil("junk.mp4")), true);
        assertError(415, "junk.mp4", base.replace("clip.ism/", "junk.ism/") + "manifest");

        // a second rung with keyframes every 3 s beside the encoder's every 2 s
        Path other = dir.resolve("gop3.mp4");
        Process p = new ProcessBuilder(pair.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=24", "-t", "5", "-c:v", "libx264", "-preset", "veryfast", "-g", "72",
                "-sc_threshold", "0", "-pix_fmt", "yuv420p", other.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        blobs.getBlobClient("gop3.mp4").uploadFromFile(other.toString(), true);
        blobs.getBlobClient("mixed.ism").upload(BinaryData.fromString(
                smil("clip_1280x720_3520.mp4").replace("</switch>", "<video src=\"gop3.mp4\" systemBitrate=\"300000\"/></switch>")), true);
        assertError(415, "dynamic packaging needs the ladder's GOPs aligned", base.replace("clip.ism/", "mixed.ism/") + "manifest");
    }

    private static String smil(String video) {
        return "<?xml version=\"1.0\"?><smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\"><body><switch>"
                + "<video src=\"" + video + "\" systemBitrate=\"1000000\"/></switch></body></smil>";
    }

    private void assertError(int status, String says, String url) throws Exception {
        HttpResponse<byte[]> r = get(url);
        assertEquals(status, r.statusCode(), url);
        assertTrue(text(r).contains(says), text(r));
    }

    private List<String> frameHashes(Path file) throws Exception {
        Process p = new ProcessBuilder(pair.ffmpeg().toString(), "-v", "error", "-i", file.toString(), "-f", "framemd5", "-")
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1).trim()).toList();
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return c.get(url, null);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static Document xml(byte[] body, boolean namespaces) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(namespaces);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static Element streamIndex(Document doc, String type) {
        NodeList list = doc.getElementsByTagName("StreamIndex");
        for (int i = 0; i < list.getLength(); i++) {
            if (type.equals(((Element) list.item(i)).getAttribute("Type"))) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no " + type + " StreamIndex");
    }

    private static List<Long> chunkStarts(Element streamIndex) {
        List<Long> out = new ArrayList<>();
        long t = 0;
        NodeList cs = streamIndex.getElementsByTagName("c");
        for (int i = 0; i < cs.getLength(); i++) {
            Element ch = (Element) cs.item(i);
            if (!ch.getAttribute("t").isEmpty()) {
                t = Long.parseLong(ch.getAttribute("t"));
            }
            out.add(t);
            t += Long.parseLong(ch.getAttribute("d"));
        }
        return out;
    }

    /** The segment start times a SegmentTimeline expands to ({@code t}, {@code d}, {@code r}). */
    private static List<Long> timeline(Element template) {
        List<Long> out = new ArrayList<>();
        long t = 0;
        NodeList ss = template.getElementsByTagNameNS("*", "S");
        for (int i = 0; i < ss.getLength(); i++) {
            Element s = (Element) ss.item(i);
            if (!s.getAttribute("t").isEmpty()) {
                t = Long.parseLong(s.getAttribute("t"));
            }
            long d = Long.parseLong(s.getAttribute("d"));
            int r = s.getAttribute("r").isEmpty() ? 0 : Integer.parseInt(s.getAttribute("r"));
            for (int k = 0; k <= r; k++) {
                out.add(t);
                t += d;
            }
        }
        return out;
    }
}
