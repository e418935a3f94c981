package dev.amsh.emulator.encoder;

import dev.amsh.emulator.storage.Detached;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Adaptive Streaming" encode itself, with real ffmpeg, apart from any API's job records: one source file in
 * a work folder becomes an H.264 ladder with keyframes aligned every two seconds, an AAC audio MP4, the .ism
 * server manifest, the .ismc client manifest and the output metadata, named as the service named them. v2 jobs
 * (Media Encoder Standard) and v3 jobs (a Transform's BuiltInStandardEncoderPreset) both run it.
 */
public final class LadderEncoding {
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d+):(\\d+\\.\\d+)");
    private static final Pattern VIDEO = Pattern.compile("Stream #.*Video: .*?, (\\d{2,5})x(\\d{2,5})");

    /** Where the encode reports its progress (0 to 99 while running) and learns that it was cancelled. */
    public interface Progress {
        void percent(double pct);

        boolean cancelled();
    }

    /** The files made in the work folder (names only), and the source's duration in seconds. */
    public record Result(List<String> files, double seconds) {
    }

    /** The encode was cancelled through {@link Progress#cancelled()}. */
    public static final class Cancelled extends Exception {
        public Cancelled() {
            super(null, null, false, false);
        }
    }

    private final Supplier<Path> ffmpeg;
    private volatile Process running;

    public LadderEncoding(Supplier<Path> ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Encodes {@code source} (named {@code name} in its asset) into {@code work}. */
    public Result encode(Path source, String name, Path work, Progress progress) throws Exception {
        String probe = run(List.of(ffmpeg.get().toString(), "-hide_banner", "-i", source.toString()), null, true);
        Matcher d = DURATION.matcher(probe);
        Matcher v = VIDEO.matcher(probe);
        if (!d.find() || !v.find()) {
            throw new IOException("ffmpeg cannot read " + name + " as video: "
                    + lastLine(probe.replaceAll("(?s).*" + Pattern.quote(source.toString()) + ":?", "")));
        }
        double seconds = Integer.parseInt(d.group(1)) * 3600 + Integer.parseInt(d.group(2)) * 60 + Double.parseDouble(d.group(3));
        int height = Integer.parseInt(v.group(2));
        boolean hasAudio = probe.contains("Audio:");
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String base = stem.length() > 32 ? stem.substring(0, 32) : stem;
        List<LadderRung> ladder = AdaptiveStreamingPreset.ladder(height);

        List<String> cmd = new ArrayList<>(List.of(ffmpeg.get().toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-i", source.toString(), "-progress", "pipe:1", "-nostats"));
        for (LadderRung r : ladder) {
            cmd.addAll(List.of("-map", "0:v:0", "-an", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                    "-pix_fmt", "yuv420p", "-vf", "scale=" + r.width() + ":" + r.height(),
                    "-b:v", r.kbps() + "k", "-maxrate", r.kbps() + "k", "-bufsize", (2 * r.kbps()) + "k",
                    "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0",
                    "-movflags", "+faststart", work.resolve(AdaptiveStreamingPreset.videoName(base, r)).toString()));
        }
        if (hasAudio) {
            cmd.addAll(List.of("-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
                    "-movflags", "+faststart", work.resolve(AdaptiveStreamingPreset.audioName(base)).toString()));
        } else {
            cmd.addAll(List.of("-f", "lavfi", "-t", String.valueOf(seconds), "-i", "anullsrc=r=48000:cl=stereo",
                    "-map", "1:a:0", "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart",
                    work.resolve(AdaptiveStreamingPreset.audioName(base)).toString()));
        }
        run(cmd, line -> {
            if (line.startsWith("out_time_ms=") && seconds > 0) {
                try {
                    double done = Long.parseLong(line.substring(12).trim()) / 1_000_000.0;
                    progress.percent(Math.min(99.0, Math.floor(done / seconds * 1000) / 10));
                } catch (NumberFormatException ignored) {
                    // "N/A" before the first frame
                }
            }
            if (progress.cancelled()) {
                throw new CancelledSignal();
            }
        }, false);

        Files.writeString(work.resolve(base + ".ism"), AdaptiveStreamingPreset.ism(base, ladder));
        Files.writeString(work.resolve(base + ".ismc"), AdaptiveStreamingPreset.ismc(ladder, seconds));
        Files.writeString(work.resolve(base + "_manifest.xml"), outputMetadata(base, ladder, seconds));
        List<String> produced = new ArrayList<>();
        ladder.forEach(r -> produced.add(AdaptiveStreamingPreset.videoName(base, r)));
        produced.addAll(List.of(AdaptiveStreamingPreset.audioName(base), base + ".ism", base + ".ismc", base + "_manifest.xml"));
        return new Result(produced, seconds);
    }

    /** Stops a running ffmpeg (the pair shutting down). */
    public void stop() {
        Process p = running;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** The content type the service gave each produced file. */
    public static String mime(String f) {
        if (f.endsWith(".mp4")) {
            return "video/mp4";
        }
        return f.endsWith(".xml") || f.endsWith(".ism") || f.endsWith(".ismc") ? "application/octet-stream" : null;
    }

    /** Signals, from the progress reader, that the job was cancelled. */
    private static final class CancelledSignal extends RuntimeException {
        CancelledSignal() {
            super(null, null, false, false);
        }
    }

    private String run(List<String> cmd, Consumer<String> lines, boolean probeOnly) throws Exception {
        Process p = new ProcessBuilder(Detached.command(cmd)).redirectErrorStream(probeOnly).start();
        running = p;
        try {
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            Thread errors = null;
            if (!probeOnly) {
                errors = new Thread(() -> {
                    try {
                        err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                errors.start();
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.append(line).append('\n');
                    if (lines != null) {
                        lines.accept(line);
                    }
                }
            } catch (CancelledSignal e) {
                throw new Cancelled();
            }
            int code = p.waitFor();
            if (errors != null) {
                errors.join();
            }
            if (!probeOnly && code != 0) {
                throw new IOException("ffmpeg failed: " + lastLine(err.toString()));
            }
            return out.toString();
        } finally {
            // ffmpeg runs in a session of its own: nothing else would stop it
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            running = null;
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static String outputMetadata(String base, List<LadderRung> ladder, double seconds) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<AssetFiles xmlns=\"http://schemas.microsoft.com/windowsazure/mediaservices/2014/07/mediaencoder/outputmetadata\">\n");
        for (LadderRung r : ladder) {
            sb.append("  <AssetFile Name=\"").append(AdaptiveStreamingPreset.videoName(base, r)).append("\" Duration=\"PT")
                    .append(seconds).append("S\"><VideoTracks><VideoTrack Id=\"1\" FourCC=\"avc1\" Width=\"").append(r.width())
                    .append("\" Height=\"").append(r.height()).append("\" TargetBitrate=\"").append(r.kbps())
                    .append("\" /></VideoTracks></AssetFile>\n");
        }
        sb.append("  <AssetFile Name=\"").append(AdaptiveStreamingPreset.audioName(base)).append("\" Duration=\"PT").append(seconds)
                .append("S\"><AudioTracks><AudioTrack Id=\"1\" Codec=\"AacLc\" Channels=\"2\" SamplingRate=\"48000\" Bitrate=\"128\" /></AudioTracks></AssetFile>\n</AssetFiles>\n");
        return sb.toString();
    }
}
