package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Job;
import dev.amsh.ams.model.JobTask;
import dev.amsh.ams.model.MediaProcessor;
import dev.amsh.error.AmshException;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The procedure's CreateEncodingJob: a one-task job on the newest "Media Encoder Standard" with a preset,
 * waited on as a poller (state and progress reported), and on success the output's .ism made primary.
 */
public final class Encode {
    public static final String PROCESSOR = "Media Encoder Standard";

    /** A job and, once finished, its output asset. */
    public record Result(Job job, List<JobTask> tasks, Asset output) {
        public boolean finished() {
            return job.state() == 3;
        }
    }

    /** What a poll saw. */
    public record Poll(Job job, double progress) {
    }

    private final Duration interval;

    public Encode(Duration interval) {
        this.interval = interval;
    }

    public Job submit(AmsClient ams, String assetNameOrId, String preset) {
        return submit(ams, assetNameOrId, preset, null);
    }

    /** The output asset's name, as the service's own tools gave it: the input's, then " - encoded". */
    public static String defaultOutputName(String inputName) {
        return inputName + " - encoded";
    }

    /** Submits the job; {@code outputName} null names the output after the input ({@link #defaultOutputName}). */
    public Job submit(AmsClient ams, String assetNameOrId, String preset, String outputName) {
        if (outputName != null && outputName.isBlank()) {
            throw new AmshException("the output asset's name is empty", "give a name, or leave --output out for '<input> - encoded'");
        }
        Asset input = Assets.resolve(ams, assetNameOrId);
        List<AssetFile> files = ams.listFiles(input.id());
        if (files.isEmpty()) {
            throw new AmshException("asset " + input.name() + " has no files to encode", "upload a file into it first");
        }
        MediaProcessor mes = ams.latestProcessor(PROCESSOR);
        // the job's Name carries this submission's own mark, so a lost answer is found instead of submitted twice
        String output = outputName != null ? outputName : defaultOutputName(input.name());
        String mark = UUID.randomUUID().toString();
        String name = "amsh encode " + input.name() + " " + mark.substring(mark.length() - 8);
        return Outcomes.findOrCreate(
                () -> ams.listJobs(Query.filter("Name eq " + Query.literal(name))).stream().findFirst(),
                () -> ams.createJob(name, input.id(), mes.id(), preset, output));
    }

    /** Polls until the job ends (or {@code stop} says so); returns the job and its output. */
    public Result await(AmsClient ams, String jobId, Consumer<Poll> onPoll, BooleanSupplier stop) {
        while (true) {
            Job job = ams.getJob(jobId);
            List<JobTask> tasks = ams.listTasks(jobId);
            double progress = tasks.stream().mapToDouble(JobTask::progress).average().orElse(0);
            onPoll.accept(new Poll(job, job.state() == 3 ? 100 : progress));
            if (job.terminal()) {
                Asset output = null;
                if (job.state() == 3) {
                    output = ams.outputAssets(jobId).get(0);
                    RegisterFiles.markPrimaryManifest(ams, ams.listFiles(output.id()));
                    output = ams.getAsset(output.id());
                }
                return new Result(job, tasks, output);
            }
            if (stop.getAsBoolean()) {
                return new Result(job, tasks, null);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(job, tasks, null);
            }
        }
    }

    /** The error details of a failed job, one line per task error. */
    public static String errors(List<JobTask> tasks) {
        StringBuilder sb = new StringBuilder();
        for (JobTask t : tasks) {
            for (JobTask.ErrorDetail e : t.errorDetails()) {
                sb.append(e.code()).append(": ").append(e.message()).append('\n');
            }
        }
        return sb.toString().strip();
    }
}
