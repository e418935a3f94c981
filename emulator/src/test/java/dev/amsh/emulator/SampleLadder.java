package dev.amsh.emulator;

import dev.amsh.emulator.encoder.AdaptiveStreamingPreset;
import dev.amsh.emulator.encoder.LadderRung;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny real ladder (one 320x180 H.264 rung with keyframes every 2 s, AAC audio, and its .ism), made by ffmpeg
 * (well under a second) and named for any asset: for tests that need the origin to package, without running an encode.
 */
public final class SampleLadder {
    private static final LadderRung RUNG = new LadderRung(320, 180, 380);
    private SampleLadder() {
    }

    /** The files of the ladder for an asset whose files start with {@code base}, by name. */
    public static Map<String, byte[]> files(Path ffmpeg, String base) throws IOException, InterruptedException {
        return files(ffmpeg, base, 3);
    }

    /** The same ladder, {@code seconds} long (a drill plays for a while). */
    public static Map<String, byte[]> files(Path ffmpeg, String base, int seconds) throws IOException, InterruptedException {
        Map<String, byte[]> media = make(ffmpeg, seconds);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(AdaptiveStreamingPreset.videoName(base, RUNG), media.get("video"));
        out.put(AdaptiveStreamingPreset.audioName(base), media.get("audio"));
        out.put(base + ".ism", AdaptiveStreamingPreset.ism(base, List.of(RUNG)).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static Map<String, byte[]> make(Path ffmpeg, int seconds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("amsh-ladder");
        Path video = dir.resolve("v.mp4");
        Path audio = dir.resolve("a.mp4");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=24", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(seconds), "-map", "0:v", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0", "-movflags", "+faststart", video.toString(),
                "-map", "1:a", "-t", String.valueOf(seconds), "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", audio.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg could not make the sample ladder: " + out);
        }
        return Map.of("video", Files.readAllBytes(video), "audio", Files.readAllBytes(audio));
    }
}
