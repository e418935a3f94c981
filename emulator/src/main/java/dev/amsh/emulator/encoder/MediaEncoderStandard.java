package dev.amsh.emulator.encoder;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.rest.EntityStore;
import dev.amsh.emulator.rest.RestApi;

import java.io.IOException;
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

/**
 * Runs jobs of the "Media Encoder Standard" processor with real ffmpeg ({@link LadderEncoding}): the "Adaptive
 * Streaming" preset gives an H.264 ladder with keyframes aligned every two seconds, an AAC audio MP4, the .ism server manifest and the
 * .ismc client manifest, named as the service named them. Job and task states and progress move as the
 * service reported them; an input ffmpeg cannot read ends in Error with ErrorDetails; CancelJob stops it.
 */
public final class MediaEncoderStandard implements RestApi.JobRunner, AutoCloseable {

    private final RestApi api;
    private final EntityStore store;
    private final LadderEncoding encoding;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "amsh-encoder");
        t.setDaemon(true);
        return t;
    });

    public MediaEncoderStandard(RestApi api, Supplier<Path> ffmpeg, Clock clock) {
        this.api = api;
        this.store = api.store();
        this.encoding = new LadderEncoding(ffmpeg);
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

        String jobId = job.get("Id").asText();
        LadderEncoding.Result out;
        try {
            out = encoding.encode(source, name, work, new LadderEncoding.Progress() {
                @Override
                public void percent(double pct) {
                    update(task, n -> n.put("Progress", pct));
                }

                @Override
                public boolean cancelled() {
                    return store.get("Jobs", jobId).map(j -> j.path("State").asInt() == 6).orElse(true);
                }
            });
        } catch (LadderEncoding.Cancelled e) {
            throw new Cancelled();
        }
        double seconds = out.seconds();
        Files.writeString(work.resolve(inputId.substring(12) + "_metadata.xml"), inputMetadata(name, seconds));

        String outputId = task.path("_OutputAssetId").asText();
        ObjectNode output = store.get("Assets", outputId).orElseThrow(() -> new IOException("the output asset is gone"));
        BlobContainerClient container = api.storage().container(output.path("_container").asText());
        List<String> produced = new ArrayList<>(out.files());
        produced.add(inputId.substring(12) + "_metadata.xml");
        for (String f : produced) {
            Path p = work.resolve(f);
            container.getBlobClient(f).uploadFromFile(p.toString(), true);
            api.putFile(outputId, f, Files.size(p), LadderEncoding.mime(f), false);
        }
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
        encoding.stop();
    }
}
