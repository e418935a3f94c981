package dev.amsh.ops;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaJob;
import dev.amsh.datacenter.Poller;
import dev.amsh.error.AmshException;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The procedure's CreateEncodingJob on either kind, through the seam: v2 a one-task job on the newest "Media
 * Encoder Standard" with "Adaptive Streaming", v3 a Job of a Transform with the built-in AdaptiveStreaming preset
 * into an output asset made first. Waited on through the seam's poller (state and progress reported); on success
 * the output asset, ready to publish (v2: its .ism made primary).
 */
public final class Encode {
    /** A job and, once finished, its output asset. */
    public record Result(MediaJob job, MediaAsset output) {
        public boolean finished() {
            return job.finished();
        }
    }

    private final Duration interval;

    public Encode(Duration interval) {
        this.interval = interval;
    }

    /** The output asset's name, as the service's own tools gave it: the input's, then " - encoded". */
    public static String defaultOutputName(String inputName) {
        return inputName + " - encoded";
    }

    /** Submits the job; {@code outputName} null names the output after the input ({@link #defaultOutputName}). */
    public MediaJob submit(Datacenter dc, String assetNameOrId, String preset, String outputName) {
        if (outputName != null && outputName.isBlank()) {
            throw new AmshException("the output asset's name is empty", "give a name, or leave --output out for '<input> - encoded'");
        }
        MediaAsset input = dc.resolve(assetNameOrId);
        if (dc.files(input).isEmpty()) {
            throw new AmshException("asset " + input.name() + " has no files to encode", "upload a file into it first");
        }
        return dc.encoding().submitEncode(input, outputName != null ? outputName : defaultOutputName(input.name()), preset);
    }

    /** Polls until the job ends (or {@code stop} says so); returns the job and, when it finished, its output. */
    public Result await(Datacenter dc, MediaJob submitted, Consumer<MediaJob> onPoll, BooleanSupplier stop) {
        Poller<MediaJob, MediaJob> poller = dc.encoding().follow(submitted);
        while (true) {
            MediaJob job = poller.poll();
            onPoll.accept(job);
            if (poller.done()) {
                return new Result(job, job.finished() ? dc.encoding().jobOutput(job) : null);
            }
            if (stop.getAsBoolean()) {
                return new Result(job, null);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(job, null);
            }
        }
    }

    /** The error details of a failed job, one line each. */
    public static String errors(MediaJob job) {
        return String.join("\n", job.errors());
    }
}
