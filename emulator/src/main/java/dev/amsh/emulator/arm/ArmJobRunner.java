package dev.amsh.emulator.arm;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.encoder.LadderEncoding;
import dev.amsh.emulator.storage.StorageGateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs v3 jobs one at a time on the same ffmpeg encode as v2 ({@link LadderEncoding}): the input asset's file is
 * encoded into the output asset's container, and the job's and its output's state and progress move as AMS
 * reported them. A job interrupted by a stop runs again on the next start.
 */
final class ArmJobRunner implements EncodingResource.Encoder, AutoCloseable {
    private static final List<String> MEDIA = List.of(".mp4", ".mov", ".m4v", ".mkv", ".ts", ".webm", ".avi", ".wmv", ".mxf");

    private final ArmContext c;
    private final LadderEncoding encoding;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "amsh-arm-encoder");
        t.setDaemon(true);
        return t;
    });

    ArmJobRunner(ArmContext c, LadderEncoding encoding) {
        this.c = c;
        this.encoding = encoding;
    }

    @Override
    public void submit(String jobKey) {
        worker.submit(() -> run(jobKey));
    }

    private void run(String key) {
        ObjectNode job = c.store().get(EncodingResource.JOBS, key).orElse(null);
        if (job == null) {
            return;
        }
        if (EncodingResource.state(job).equals("canceling")) {
            end(job, "Canceled", null);
            return;
        }
        if (!advance(job, "Scheduled")) {
            end(job, "Canceled", null);
            return;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("amsh-arm-encode");
            ObjectNode props = (ObjectNode) job.get("properties");
            String inputContainer = container(props.path("input").path("assetName").asText());
            String outputContainer = container(props.path("outputs").get(0).path("assetName").asText());
            String source = inputFile(props, inputContainer);
            Path local = work.resolve(source.replace('/', '_'));
            c.storage().container(inputContainer).getBlobClient(source).downloadToFile(local.toString(), true);
            if (!advance(job, "Processing")) {
                throw new LadderEncoding.Cancelled();
            }
            LadderEncoding.Result out = encoding.encode(local, source.substring(source.lastIndexOf('/') + 1), work,
                    new LadderEncoding.Progress() {
                        @Override
                        public void percent(double pct) {
                            update(job, p -> ((ObjectNode) p.get("outputs").get(0)).put("progress", (int) pct));
                        }

                        @Override
                        public boolean cancelled() {
                            return !c.store().get(EncodingResource.JOBS, key).map(EncodingResource::state)
                                    .orElse("canceling").equals("processing");
                        }
                    });
            BlobContainerClient target = c.storage().container(outputContainer);
            for (String f : out.files()) {
                Path p = work.resolve(f);
                var blob = target.getBlobClient(f);
                blob.uploadFromFile(p.toString(), true);
                String type = LadderEncoding.mime(f);
                if (type != null) {
                    blob.setHttpHeaders(new BlobHttpHeaders().setContentType(type));
                }
            }
            end(job, "Finished", null);
        } catch (LadderEncoding.Cancelled e) {
            end(job, "Canceled", null);
        } catch (Exception e) {
            end(job, "Error", e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            deleteTree(work);
        }
    }

    private String container(String assetName) throws IOException {
        return c.store().get(AssetsResource.SET, ArmStore.key(assetName))
                .map(a -> a.path("properties").path("container").asText())
                .orElseThrow(() -> new IOException("the asset '" + assetName + "' no longer exists"));
    }

    /** The job's named file, else the container's only file, else its first media file. */
    private String inputFile(ObjectNode props, String container) throws IOException {
        if (props.path("input").path("files").size() > 0) {
            return props.path("input").path("files").get(0).asText();
        }
        List<StorageGateway.Blob> blobs = c.storage().list(container);
        if (blobs.size() == 1) {
            return blobs.get(0).name();
        }
        return blobs.stream().map(StorageGateway.Blob::name)
                .filter(n -> MEDIA.stream().anyMatch(x -> n.toLowerCase(Locale.ROOT).endsWith(x))).findFirst()
                .orElseThrow(() -> new IOException("the input asset has no media file to encode"));
    }

    /** Moves the job on, unless a cancel came first (then false: the job is to end Canceled). */
    private boolean advance(ObjectNode job, String state) {
        synchronized (c.store().lock()) {
            ObjectNode p = (ObjectNode) job.get("properties");
            if (p.path("state").asText().equals("Canceling")) {
                return false;
            }
            setState(p, state);
            if (state.equals("Processing")) {
                String started = ArmJson.time(c.clock().instant());
                p.put("startTime", started);
                ((ObjectNode) p.get("outputs").get(0)).put("startTime", started);
            }
            c.modified(job);
            c.store().touched();
            return true;
        }
    }

    private static void setState(ObjectNode props, String state) {
        props.put("state", state);
        ((ObjectNode) props.get("outputs").get(0)).put("state", state);
    }

    private void end(ObjectNode job, String state, String error) {
        String now = ArmJson.time(c.clock().instant());
        update(job, p -> {
            setState(p, state);
            p.put("endTime", now);
            ObjectNode out = (ObjectNode) p.get("outputs").get(0);
            out.put("endTime", now);
            if (state.equals("Finished")) {
                out.put("progress", 100);
            }
            if (error != null) {
                out.putObject("error").put("code", "ContentMalformed").put("message", error).put("category", "Content")
                        .put("retry", "DoNotRetry").putArray("details");
            }
        });
    }

    private void update(ObjectNode job, Consumer<ObjectNode> change) {
        synchronized (c.store().lock()) {
            change.accept((ObjectNode) job.get("properties"));
            c.modified(job);
            c.store().touched();
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
