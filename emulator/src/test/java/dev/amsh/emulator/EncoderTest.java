package dev.amsh.emulator;

import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import dev.amsh.emulator.encoder.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Media Encoder Standard jobs run by real ffmpeg: a ladder with aligned keyframes, and errors. */
@ExtendWith(LocalPairExtension.class)
class EncoderTest {
    static final String MES = "nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56";

    JsonNode runJob(RawClient c, String assetId) throws Exception {
        return await(c, submit(c, assetId));
    }

    String submit(RawClient c, String assetId) throws Exception {
        String body = "{\"Name\":\"t\",\"InputMediaAssets\":[{\"__metadata\":{\"uri\":\"" + c.dc.clusterApiRoot()
                + "Assets('" + assetId + "')\"}}],\"Tasks\":[{\"Configuration\":\"Adaptive Streaming\",\"MediaProcessorId\":\""
                + MES + "\",\"TaskBody\":\"<taskBody><inputAsset>JobInputAsset(0)</inputAsset><outputAsset assetCreationOptions=\\\"0\\\" "
                + "assetName=\\\"out-" + UUID.randomUUID() + "\\\">JobOutputAsset(0)</outputAsset></taskBody>\"}]}";
        RawClient.Reply job = c.call("POST", "Jobs", body);
        assertEquals(201, job.status(), job.text());
        return job.d().get("Id").asText();
    }

    JsonNode await(RawClient c, String id) throws Exception {
        List<Integer> states = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            JsonNode j = c.call("GET", "Jobs('" + id + "')", null).d();
            int state = j.get("State").asInt();
            if (states.isEmpty() || states.get(states.size() - 1) != state) {
                states.add(state);
            }
            if (state == 3 || state == 4 || state == 5) {
                return j;
            }
            Thread.sleep(200);
        }
        fail("job did not end: " + states);
        return null;
    }

    @Test
    void adaptiveStreamingGivesALadderWithAlignedKeyframes(LocalPair pair, @TempDir Path dir) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        Path sample = dir.resolve("clip.mp4");
        Ffmpeg.makeSample(pair.ffmpeg(), sample, 4);
        String asset = c.createAsset("enc-" + UUID.randomUUID(), 0);
        EmulatorRulesTest.container(c.dc, asset).getBlobClient("clip.mp4").uploadFromFile(sample.toString());
        c.call("GET", "CreateFileInfos?assetid='" + asset + "'", null);

        JsonNode job = runJob(c, asset);
        assertEquals(3, job.get("State").asInt(), job.toString());
        JsonNode task = c.call("GET", "Jobs('" + job.get("Id").asText() + "')/Tasks", null).d().get("results").get(0);
        assertEquals(100.0, task.get("Progress").asDouble());
        JsonNode output = c.call("GET", "Jobs('" + job.get("Id").asText() + "')/OutputMediaAssets", null).d().get("results").get(0);
        JsonNode files = c.call("GET", "Assets('" + output.get("Id").asText() + "')/Files", null).d().get("results");
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.get("Name").asText()));
        assertTrue(names.containsAll(List.of("clip_1280x720_3520.mp4", "clip_960x540_2210.mp4", "clip_640x360_1150.mp4",
                "clip_480x270_720.mp4", "clip_320x180_380.mp4", "clip_AACAudio_128_Audio1.mp4", "clip.ism", "clip.ismc")), names.toString());

        // keyframes at the same instants in every rung
        var blobs = pair.datacenter("a").api().storage().container("asset-" + output.get("Id").asText().substring(12));
        String first = null;
        for (String rung : List.of("clip_1280x720_3520.mp4", "clip_640x360_1150.mp4", "clip_320x180_380.mp4")) {
            Path local = dir.resolve(rung);
            blobs.getBlobClient(rung).downloadToFile(local.toString(), true);
            String keyframes = keyframeTimes(pair.ffmpeg(), local);
            assertFalse(keyframes.isBlank(), rung);
            if (first == null) {
                first = keyframes;
            }
            assertEquals(first, keyframes, "keyframes of " + rung);
        }
        String ism = blobs.getBlobClient("clip.ism").downloadContent().toString();
        assertTrue(ism.contains("<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\">") && ism.contains("clip_AACAudio_128_Audio1.mp4"), ism);
    }

    /** Key frame packet times from ffmpeg's showinfo filter (the binary ships without ffprobe). */
    static String keyframeTimes(Path ffmpeg, Path file) throws Exception {
        Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-i", file.toString(), "-vf",
                "select='eq(pict_type\\,I)',showinfo", "-f", "null", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        StringBuilder sb = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pts_time:([0-9.]+)").matcher(out);
        while (m.find()) {
            sb.append(m.group(1)).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void cancelJobStopsARunningEncode(LocalPair pair, @TempDir Path dir) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("b"));
        Path sample = dir.resolve("long.mp4");
        Ffmpeg.makeSample(pair.ffmpeg(), sample, 30);
        String asset = c.createAsset("cancel-" + UUID.randomUUID(), 0);
        EmulatorRulesTest.container(c.dc, asset).getBlobClient("long.mp4").uploadFromFile(sample.toString());
        c.call("GET", "CreateFileInfos?assetid='" + asset + "'", null);
        String job = submit(c, asset);
        for (int i = 0; i < 100 && c.call("GET", "Jobs('" + job + "')", null).d().get("State").asInt() != 2; i++) {
            Thread.sleep(50);
        }
        assertEquals(204, c.call("GET", "CancelJob?jobid='" + job.replace(":", "%3A") + "'", null).status());
        JsonNode ended = await(c, job);
        assertEquals(5, ended.get("State").asInt(), "Canceled");
        assertEquals(400, c.call("GET", "CancelJob?jobid='" + job + "'", null).status(), "an ended job cannot be canceled");
    }

    @Test
    void aCorruptInputEndsInErrorWithDetails(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("b"));
        String asset = c.createAsset("corrupt-" + UUID.randomUUID(), 0);
        EmulatorRulesTest.container(c.dc, asset).getBlobClient("broken.mp4").upload(BinaryData.fromString("not a video at all"));
        c.call("GET", "CreateFileInfos?assetid='" + asset + "'", null);
        JsonNode job = runJob(c, asset);
        assertEquals(4, job.get("State").asInt());
        JsonNode task = c.call("GET", "Jobs('" + job.get("Id").asText() + "')/Tasks", null).d().get("results").get(0);
        assertEquals(4, task.get("State").asInt());
        JsonNode detail = task.get("ErrorDetails").get("results").get(0);
        assertEquals("ErrorProcessingTask", detail.get("Code").asText());
        assertFalse(detail.get("Message").asText().isBlank());
        assertEquals(0, c.call("GET", "Jobs('" + job.get("Id").asText() + "')/OutputMediaAssets", null).d().get("results").size(),
                "the failed job's output asset is removed");
    }
}
