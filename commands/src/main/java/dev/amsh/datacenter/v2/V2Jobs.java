package dev.amsh.datacenter.v2;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Job;
import dev.amsh.ams.model.JobTask;
import dev.amsh.ams.model.MediaProcessor;
import dev.amsh.datacenter.Encoding;
import dev.amsh.datacenter.JobPoller;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.MediaJob;
import dev.amsh.datacenter.Poller;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Outcomes;
import dev.amsh.ops.RegisterFiles;
import dev.amsh.paging.Paged;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The procedure's upload registration and CreateEncodingJob on v2: CreateFileInfos and IsPrimary for an upload; a
 * one-task job on the newest "Media Encoder Standard" with "Adaptive Streaming", its Name carrying this submission's
 * own mark so a lost answer is found instead of submitted twice; on success the output's .ism made primary.
 */
final class V2Jobs implements Encoding {
    static final String PROCESSOR = "Media Encoder Standard";
    static final String PRESET = "Adaptive Streaming";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final AmsClient ams;

    V2Jobs(AmsClient ams) {
        this.ams = ams;
    }

    public MediaAsset createNewAsset(String name, String mark) {
        return V2Datacenter.asset(Outcomes.findOrCreate(
                () -> ams.listAssets(Query.filter("AlternateId eq " + Query.literal(mark))).stream().findFirst(),
                () -> ams.createAsset(name, Asset.OPTION_NONE, null, mark)));
    }

    public MediaFile registerUpload(MediaAsset asset, String fileName) {
        ams.createFileInfos(asset.id());
        AssetFile uploaded = ams.listFiles(asset.id()).stream().filter(f -> f.name().equals(fileName)).findFirst()
                .orElseThrow(() -> new AmshException("CreateFileInfos did not register " + fileName, "retry the upload"));
        ams.updateFile(uploaded.id(), Map.of("IsPrimary", true));
        return new MediaFile(uploaded.name(), uploaded.contentFileSize(), true, uploaded.id());
    }

    public MediaJob submitEncode(MediaAsset input, String outputName, String preset) {
        MediaProcessor mes = ams.latestProcessor(PROCESSOR);
        String mark = UUID.randomUUID().toString();
        String name = "amsh encode " + input.name() + " " + mark.substring(mark.length() - 8);
        Job job = Outcomes.findOrCreate(
                () -> ams.listJobs(Query.filter("Name eq " + Query.literal(name))).stream().findFirst(),
                () -> ams.createJob(name, input.id(), mes.id(), preset == null ? PRESET : preset, outputName));
        return job(job, List.of(), input.id());
    }

    public MediaJob job(String id) {
        Job job = ams.getJob(id);
        return job(job, ams.listTasks(job.id()), null);
    }

    public Paged<MediaJob> jobs(Integer top) {
        return ams.listJobs(top == null ? Query.all() : Query.all().top(top)).map(j -> job(j, List.of(), null));
    }

    public void cancelJob(MediaJob job) {
        ams.cancelJob(job.id());
    }

    public Poller<MediaJob, MediaJob> follow(MediaJob first) {
        return new JobPoller(first, this::job, INTERVAL);
    }

    public MediaAsset jobOutput(MediaJob job) {
        Asset output = ams.outputAssets(job.id()).get(0);
        RegisterFiles.markPrimaryManifest(ams, ams.listFiles(output.id()));
        return V2Datacenter.asset(ams.getAsset(output.id()));
    }

    static MediaJob job(Job j, List<JobTask> tasks, String input) {
        double progress = j.finished() ? 100 : tasks.stream().mapToDouble(JobTask::progress).average().orElse(0);
        List<String> errors = new ArrayList<>();
        tasks.forEach(t -> t.errorDetails().forEach(e -> errors.add(e.code() + ": " + e.message())));
        String preset = tasks.stream().map(JobTask::configuration).findFirst().orElse(null);
        return new MediaJob(j.id(), j.name(), j.state(), progress, j.created(), j.runningDuration(), input, null,
                preset, List.copyOf(errors));
    }
}
