package dev.amsh.emulator.encoder;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.rest.EntityStore;
import dev.amsh.emulator.rest.RestApi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs jobs of the "Media Encoder Standard" processor with real ffmpeg: the "Adaptive Streaming" preset gives
 * an H.264 ladder with keyframes aligned every two seconds, an AAC audio MP4, the .ism server manifest and the
 * .ismc client manifest, named as the service named them. Job and task states and progress move as the
 * service reported them; an input ffmpeg cannot read ends in Error with ErrorDetails; CancelJob stops it.
 */
public final class MediaEncoderStandard implements RestApi.JobRunner, AutoCloseable {
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d+):(\\d+\\.\\d+)");
    private static final Pattern VIDEO = Pattern.compile("Stream #.*Video: .*?, (\\d{2,5})x(\\d{2,5})");

    private final RestApi api;
    private final EntityStore store;
    private final Supplier<Path> ffmpeg;
    private final Clock clock;
    private volatile Process running;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "amsh-encoder");
        t.setDaemon(true);
        return t;
    });

    public MediaEncoderStandard(RestApi api, Supplier<Path> ffmpeg, Clock clock) {
        this.api = api;
        this.store = api.store();
        this.ffmpeg = ffmpeg;
        this.clock = clock;
    }

    /** Jobs that were queued or running when the pair stopped start again. */
    public void resumeUnfinished() {
        for (ObjectNode job : store.find("Jobs", j -> j.path("State").asInt() <= 2 || j.path("State").asInt() == 6)) {
            submit(job.get("Id").asText());
        }
    }

    @Override
    public void submit(String jobId) {
        worker.submit(() -> run(jobId));
    }

    private void run(String jobId) {
        ObjectNode job = store.get("Jobs", jobId).orElse(null);
        if (job == null) {
            return;
        }
        List<ObjectNode> tasks = store.find("Tasks", t -> jobId.equals(t.path("_JobId").asText()));
        if (job.path("State").asInt() == 6) {
            finish(job, tasks, 5, null);
            return;
        }
        Instant start = clock.instant();
        update(job, n -> n.put("State", 1));
        update(job, n -> n.put("State", 2).put("StartTime", start.toString()));
        Path work = null;
        try {
            work = Files.createTempDirectory("amsh-encode");
            for (ObjectNode task : tasks) {
                update(task, n -> n.put("State", 2).put("StartTime", start.toString()).put("Progress", 0.0));
                encode(job, task, work);
                update(task, n -> n.put("State", 3).put("Progress", 100.0).put("EndTime", clock.instant().toString())
                        .put("RunningDuration", seconds(start)));
            }
            finish(job, tasks, 3, null);
        } catch (Cancelled e) {
            finish(job, tasks, 5, null);
        } catch (Exception e) {
            finish(job, tasks, 4, e.getMessage());
        } finally {
            deleteTree(work);
        }
    }

    private static final class Cancelled extends Exception {
    }

    private void encode(ObjectNode job, ObjectNode task, Path work) throws Exception {
        if (!AdaptiveStreamingPreset.NAME.equalsIgnoreCase(task.path("Configuration").asText())) {
            throw new IOException("preset '" + task.path("Configuration").asText() + "' is not supported; use '"
                    + AdaptiveStreamingPreset.NAME + "'");
        }
        String inputId = job.path("_InputAssetIds").get(0).asText();
        ObjectNode input = store.get("Assets", inputId).orElseThrow(() -> new IOException("the input asset is gone"));
        List<ObjectNode> files = store.find("Files", f -> inputId.equals(f.path("ParentAssetId").asText()));
        ObjectNode primary = files.stream().filter(f -> f.path("IsPrimary").asBoolean()).findFirst()
                .orElse(files.size() == 1 ? files.get(0) : null);
        if (primary == null) {
            throw new IOException("the input asset has no primary file");
        }
        String name = primary.path("Name").asText();
        Path source = work.resolve(name);
        api.storage().container(input.path("_container").asText()).getBlobClient(name).downloadToFile(source.toString(), true);

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
        String jobId = job.get("Id").asText();
        run(cmd, line -> {
            if (line.startsWith("out_time_ms=") && seconds > 0) {
                try {
                    double done = Long.parseLong(line.substring(12).trim()) / 1_000_000.0;
                    double pct = Math.min(99.0, Math.floor(done / seconds * 1000) / 10);
                    update(task, n -> n.put("Progress", pct));
                } catch (NumberFormatException ignored) {
                    // "N/A" before the first frame
                }
            }
            if (store.get("Jobs", jobId).map(j -> j.path("State").asInt() == 6).orElse(true)) {
                throw new CancelledSignal();
            }
        }, false);

        Files.writeString(work.resolve(base + ".ism"), AdaptiveStreamingPreset.ism(base, ladder));
        Files.writeString(work.resolve(base + ".ismc"), AdaptiveStreamingPreset.ismc(ladder, seconds));
        Files.writeString(work.resolve(base + "_manifest.xml"), outputMetadata(base, ladder, seconds));
        Files.writeString(work.resolve(inputId.substring(12) + "_metadata.xml"), inputMetadata(name, seconds));

        String outputId = task.path("_OutputAssetId").asText();
        ObjectNode output = store.get("Assets", outputId).orElseThrow(() -> new IOException("the output asset is gone"));
        BlobContainerClient container = api.storage().container(output.path("_container").asText());
        List<String> produced = new ArrayList<>();
        ladder.forEach(r -> produced.add(AdaptiveStreamingPreset.videoName(base, r)));
        produced.addAll(List.of(AdaptiveStreamingPreset.audioName(base), base + ".ism", base + ".ismc",
                base + "_manifest.xml", inputId.substring(12) + "_metadata.xml"));
        for (String f : produced) {
            Path p = work.resolve(f);
            container.getBlobClient(f).uploadFromFile(p.toString(), true);
            api.putFile(outputId, f, Files.size(p), mime(f), false);
        }
    }

    private static String mime(String f) {
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
        Process p = new ProcessBuilder(dev.amsh.emulator.storage.Detached.command(cmd)).redirectErrorStream(probeOnly).start();
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

    private void finish(ObjectNode job, List<ObjectNode> tasks, int state, String error) {
        Instant now = clock.instant();
        for (ObjectNode t : tasks) {
            update(t, n -> {
                if (n.path("State").asInt() != 3) {
                    n.put("State", state);
                }
                n.put("EndTime", now.toString());
                if (error != null) {
                    var details = n.putArray("ErrorDetails");
                    details.addObject().put("Code", "ErrorProcessingTask").put("Message", error);
                }
            });
            boolean keepOutput = (t.path("Options").asInt() & 2) != 0;
            if (state != 3 && !keepOutput) {
                String outputId = t.path("_OutputAssetId").asText();
                store.get("Assets", outputId).ifPresent(a -> {
                    api.storage().deleteContainer(a.path("_container").asText());
                    store.removeWhere("Files", f -> outputId.equals(f.path("ParentAssetId").asText()));
                    store.remove("Assets", outputId);
                });
            }
        }
        update(job, n -> {
            n.put("State", state).put("EndTime", now.toString());
            String started = n.path("StartTime").asText(null);
            if (started != null && !started.equals("null")) {
                n.put("RunningDuration", Duration.between(Instant.parse(started), now).toMillis() / 1000.0);
            }
        });
    }

    private void update(ObjectNode entity, Consumer<ObjectNode> change) {
        synchronized (store) {
            change.accept(entity);
            entity.put("LastModified", clock.instant().toString());
            store.touched();
        }
    }

    private double seconds(Instant start) {
        return Duration.between(start, clock.instant()).toMillis() / 1000.0;
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

    private static String inputMetadata(String name, double seconds) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<AssetFiles xmlns=\"http://schemas.microsoft.com/windowsazure/mediaservices/2014/07/mediaencoder/inputmetadata\">\n"
                + "  <AssetFile Name=\"" + name + "\" Duration=\"PT" + seconds + "S\" />\n</AssetFiles>\n";
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        Process p = running;
        if (p != null) {
            p.destroyForcibly();
        }
    }
}
