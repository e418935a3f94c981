package dev.amsh.datacenter.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.arm.ArmClient;
import dev.amsh.datacenter.Encoding;
import dev.amsh.datacenter.JobPoller;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.MediaJob;
import dev.amsh.datacenter.Poller;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Outcomes;
import dev.amsh.paging.Paged;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static dev.amsh.arm.ArmAccount.ENCODING_API;
import static dev.amsh.arm.ArmAccount.METADATA_API;

/**
 * Uploads and encoding on v3: a new asset is a PUT of a name not taken yet; an encode is a Job of the Transform
 * {@value #TRANSFORM} (the built-in preset of that name; PUT once, reused), into an output asset PUT first. A job PUT
 * is 201 once and 409 after: a lost answer is looked up by the job's name, never re-sent.
 */
final class V3Jobs implements Encoding {
    static final String TRANSFORM = "AdaptiveStreaming";
    static final String PRESET_TYPE = "#Microsoft.Media.BuiltInStandardEncoderPreset";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final String context;
    private final ArmClient arm;
    private final Function<MediaAsset, List<MediaFile>> files;
    private final Clock clock;
    private boolean transformReady;

    V3Jobs(String context, ArmClient arm, Clock clock, Function<MediaAsset, List<MediaFile>> files) {
        this.context = context;
        this.clock = clock;
        this.arm = arm;
        this.files = files;
    }

    private String metadata(String collection, String item) {
        return arm.account().path(false) + "/" + collection + (item == null ? "" : "/" + item);
    }

    private String jobs(String transform, String job) {
        return metadata("transforms", transform) + "/jobs" + (job == null ? "" : "/" + job);
    }

    /**
     * A PUT of a name not taken yet. A name taken by this same write's leftover (an earlier run that was lost or
     * failed before its cleanup: the same first member in its alternateId mark, and nothing in its container) is
     * adopted; any other holder is refused, since a PUT would take that asset over. After the PUT's answer is lost
     * (the retry layer repeated it), the asset is looked up by its name: this attempt's own mark is done.
     */
    public MediaAsset createNewAsset(String name, String mark) {
        String path = metadata("assets", name);
        Optional<MediaAsset> existing = arm.find(path, METADATA_API).map(ArmJson::asset);
        if (existing.isPresent()) {
            return adopt(existing.get(), mark);
        }
        ObjectNode body = arm.json().createObjectNode();
        body.putObject("properties").put("alternateId", mark);
        try {
            return ArmJson.asset(arm.put(path, METADATA_API, body, false).body());
        } catch (RuntimeException e) {
            if (!Outcomes.unknown(e)) {
                throw e;
            }
            MediaAsset made = arm.find(path, METADATA_API).map(ArmJson::asset).orElseThrow(() -> e);
            if (!mark.equals(made.alternateId())) {
                throw taken(made, e);
            }
            return made;
        }
    }

    private MediaAsset adopt(MediaAsset found, String mark) {
        if (!sameWrite(found.alternateId(), mark)) {
            throw taken(found, null);
        }
        if (!files.apply(found).isEmpty()) {
            throw new AmshException("asset " + found.name() + " already exists on " + context + ": the same upload made it and"
                    + " finished (v3 asset names are unique)", "use it as it is, or remove it first: assets rm '" + found.name()
                    + "' --on " + context);
        }
        return found;
    }

    private AmshException taken(MediaAsset found, RuntimeException cause) {
        return new AmshException("asset " + found.name() + " already exists on " + context + " (v3 asset names are unique)",
                "give another name, or remove it first: assets rm '" + found.name() + "' --on " + context, cause);
    }

    /** Whether two of amsh's marks are of the same write: the same first member ({@code "amshUpload":KEY}). */
    private boolean sameWrite(String alternateId, String mark) {
        try {
            JsonNode x = alternateId == null ? null : arm.json().readTree(alternateId);
            JsonNode y = arm.json().readTree(mark);
            if (x == null || !x.isObject() || !y.isObject() || !x.fieldNames().hasNext()) {
                return false;
            }
            String field = y.fieldNames().next();
            return field.equals(x.fieldNames().next()) && y.get(field).equals(x.get(field));
        } catch (IOException e) {
            return false; // not JSON: someone's own alternateId
        }
    }

    public MediaFile registerUpload(MediaAsset asset, String fileName) {
        return files.apply(asset).stream().filter(f -> f.name().equals(fileName)).findFirst()
                .map(f -> new MediaFile(f.name(), f.size(), true, f.id()))
                .orElseThrow(() -> new AmshException("the container of " + asset.name() + " on " + context + " holds no blob "
                        + fileName + " after the upload", "retry the upload"));
    }

    /** The transform with the built-in AdaptiveStreaming preset: read once per session, PUT (idempotent) when absent. */
    private synchronized void transform() {
        if (transformReady) {
            return;
        }
        Optional<JsonNode> found = arm.find(metadata("transforms", TRANSFORM), ENCODING_API);
        if (found.isPresent()) {
            JsonNode preset = found.get().path("properties").path("outputs").path(0).path("preset");
            if (!TRANSFORM.equals(preset.path("presetName").asText())) {
                throw new AmshException("transform " + TRANSFORM + " on " + context + " has another preset ("
                        + preset.path("presetName").asText(preset.path("@odata.type").asText()) + ")",
                        "amsh encodes with the built-in AdaptiveStreaming preset under that name; rename or remove that transform");
            }
        } else {
            ObjectNode body = arm.json().createObjectNode();
            body.putObject("properties").put("description", "adaptive streaming, made by amsh encode")
                    .putArray("outputs").addObject().putObject("preset").put("@odata.type", PRESET_TYPE)
                    .put("presetName", TRANSFORM);
            arm.put(metadata("transforms", TRANSFORM), ENCODING_API, body, false);
        }
        transformReady = true;
    }

    public MediaJob submitEncode(MediaAsset input, String outputName, String preset) {
        if (preset != null && !preset.replace(" ", "").equalsIgnoreCase(TRANSFORM)) {
            throw new AmshException("context " + context + " is v3: amsh encodes there with the built-in " + TRANSFORM
                    + " preset, not '" + preset + "'", "leave --preset out (or give --preset AdaptiveStreaming)");
        }
        transform();
        String mark = UUID.randomUUID().toString();
        String jobName = "amsh-encode-" + input.name().replaceAll("[^A-Za-z0-9_.~-]+", "-") + "-"
                + mark.substring(mark.length() - 8);
        MediaAsset output = createNewAsset(outputName, "{\"amshEncode\":\"" + jobName + "\"}");
        ObjectNode body = arm.json().createObjectNode();
        ObjectNode p = body.putObject("properties");
        p.putObject("input").put("@odata.type", "#Microsoft.Media.JobInputAsset").put("assetName", input.name());
        p.putArray("outputs").addObject().put("@odata.type", "#Microsoft.Media.JobOutputAsset").put("assetName", output.name());
        String path = jobs(TRANSFORM, jobName);
        try {
            return Outcomes.createOrFind(() -> job(arm.put(path, ENCODING_API, body, true).body(), TRANSFORM),
                    () -> arm.find(path, ENCODING_API).map(j -> job(j, TRANSFORM)));
        } catch (AmsServiceException e) {
            if (e.isConflict()) {
                // 409: the attempt whose answer was lost made it; this run's own name, so it is this job
                return job(arm.get(path, ENCODING_API), TRANSFORM);
            }
            undoOutput(output, e);
            throw e;
        } catch (RuntimeException e) {
            if (!Outcomes.unknown(e)) {
                undoOutput(output, e);
            }
            throw e;
        }
    }

    /** A job that was refused leaves no output asset behind. */
    private void undoOutput(MediaAsset output, RuntimeException cause) {
        try {
            arm.delete(metadata("assets", output.name()), METADATA_API);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    public Poller<MediaJob, MediaJob> follow(MediaJob first) {
        return new JobPoller(first, this::job, INTERVAL);
    }

    /** A job by {@code name} (of amsh's transform) or {@code transform/name}. */
    public MediaJob job(String id) {
        String transform = id.contains("/") ? id.substring(0, id.indexOf('/')) : TRANSFORM;
        String name = id.contains("/") ? id.substring(id.indexOf('/') + 1) : id;
        Optional<JsonNode> found = arm.find(jobs(transform, name), ENCODING_API);
        if (found.isPresent()) {
            return job(found.get(), transform);
        }
        if (!id.contains("/")) {
            for (JsonNode t : arm.list(metadata("transforms", null), ENCODING_API, ArmClient.query(), null)) {
                String other = t.path("name").asText();
                Optional<JsonNode> j = other.equals(TRANSFORM) ? Optional.empty() : arm.find(jobs(other, name), ENCODING_API);
                if (j.isPresent()) {
                    return job(j.get(), other);
                }
            }
        }
        throw new AmshException("no job " + id + " on " + context, "'jobs ls --on " + context + "' lists the jobs");
    }

    /** Every transform's jobs, newest first. */
    public Paged<MediaJob> jobs(Integer top) {
        List<MediaJob> all = new ArrayList<>();
        for (JsonNode t : arm.list(metadata("transforms", null), ENCODING_API, ArmClient.query(), null)) {
            String transform = t.path("name").asText();
            arm.list(jobs(transform, null), ENCODING_API, ArmClient.query("$orderby", "properties/created desc"), null)
                    .forEach(j -> all.add(job(j, transform)));
        }
        all.sort((x, y) -> y.created() == null || x.created() == null ? 0 : y.created().compareTo(x.created()));
        return Paged.of(top == null ? all : all.subList(0, Math.min(top, all.size())));
    }

    public void cancelJob(MediaJob job) {
        String transform = job.id().contains("/") ? job.id().substring(0, job.id().indexOf('/')) : TRANSFORM;
        arm.action(jobs(transform, job.name()) + "/cancelJob", ENCODING_API, null);
    }

    public MediaAsset jobOutput(MediaJob job) {
        return ArmJson.asset(arm.get(metadata("assets", job.output()), METADATA_API));
    }

    /** A v3 job as the neutral record; {@code id} is its name in amsh's transform, {@code transform/name} in another. */
    MediaJob job(JsonNode n, String transform) {
        JsonNode p = n.path("properties");
        JsonNode out = p.path("outputs").path(0);
        String state = p.path("state").asText("Queued");
        Instant start = ArmJson.date(p, "startTime");
        Instant end = ArmJson.date(p, "endTime");
        double seconds = start == null ? 0 : Duration.between(start, end == null ? clock.instant() : end).toMillis() / 1000.0;
        List<String> errors = new ArrayList<>();
        JsonNode err = out.path("error");
        if (err.isObject() && err.hasNonNull("code")) {
            errors.add(err.path("code").asText() + ": " + err.path("message").asText(""));
            err.path("details").forEach(d -> errors.add(d.path("code").asText() + ": " + d.path("message").asText("")));
        }
        String name = n.path("name").asText();
        return new MediaJob(TRANSFORM.equals(transform) ? name : transform + "/" + name, name, state,
                "Finished".equals(state) ? 100 : out.path("progress").asDouble(0), ArmJson.date(p, "created"), seconds,
                p.path("input").path("assetName").asText(null), out.path("assetName").asText(null), transform, List.copyOf(errors));
    }
}
