package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code …/transforms} and {@code …/transforms/{t}/jobs} (Encoding 2022-07-01 shapes). A Transform has one
 * output with the built-in preset {@code AdaptiveStreaming} (other presets are a 400 that says so); a Job takes a
 * JobInputAsset and a JobOutputAsset that already exists, is created 201 only in state Queued, and moves
 * Queued → Scheduled → Processing (with progress) → Finished on the datacenter's encoder; cancelJob ends it
 * Canceled.
 */
final class EncodingResource {
    static final String TRANSFORMS = "transforms";
    static final String JOBS = "jobs";
    static final String PRESET_TYPE = "#Microsoft.Media.BuiltInStandardEncoderPreset";
    static final String PRESET = "AdaptiveStreaming";
    static final Set<String> TRANSFORM_FIELDS = Set.of("name", "properties/created", "properties/lastmodified");
    static final Set<String> JOB_FIELDS = Set.of("name", "properties/created", "properties/lastmodified", "properties/state");
    /** the states in which a job still has work to do (after a restart too) */
    static final Set<String> UNFINISHED = Set.of("Queued", "Scheduled", "Processing", "Canceling");

    /** Where created jobs go to be run. */
    interface Encoder {
        void submit(String jobKey);
    }

    private final ArmContext c;
    private final Encoder encoder;

    EncodingResource(ArmContext c, Encoder encoder) {
        this.c = c;
        this.encoder = encoder;
    }

    ArmReply handle(ArmRequest r) {
        String transform = r.segment(1);
        if (transform == null) {
            AssetsResource.requireMethod(r, "GET");
            return ArmReply.of(200, ArmListing.page(r, c.store().all(TRANSFORMS).stream().map(ArmStore::wire).toList(),
                    TRANSFORM_FIELDS));
        }
        if (r.segment(2) == null) {
            return switch (r.method()) {
                case "PUT" -> putTransform(r, transform);
                case "GET" -> ArmReply.of(200, ArmStore.wire(transform(transform)));
                case "DELETE" -> deleteTransform(transform);
                default -> throw ArmError.methodNotAllowed(r.method());
            };
        }
        if (!r.segment(2).equalsIgnoreCase("jobs")) {
            throw ArmError.noRoute(r.ex().getRequestURI().getPath());
        }
        ObjectNode t = transform(transform);
        String tName = t.path("name").asText();
        String job = r.segment(3);
        if (job == null) {
            AssetsResource.requireMethod(r, "GET");
            List<ObjectNode> jobs = c.store().all(JOBS).stream()
                    .filter(j -> j.path("_transform").asText().equalsIgnoreCase(tName)).map(ArmStore::wire).toList();
            return ArmReply.of(200, ArmListing.page(r, jobs, JOB_FIELDS));
        }
        String key = ArmStore.key(tName, job);
        if (r.segment(4) != null) {
            AssetsResource.requireMethod(r, "POST");
            if (!r.segment(4).equalsIgnoreCase("cancelJob")) {
                throw ArmError.noRoute(r.ex().getRequestURI().getPath());
            }
            return cancel(key);
        }
        return switch (r.method()) {
            case "PUT" -> createJob(r, tName, job, key);
            case "GET" -> ArmReply.of(200, ArmStore.wire(job(key)));
            case "PATCH" -> patchJob(r, key);
            case "DELETE" -> deleteJob(key);
            default -> throw ArmError.methodNotAllowed(r.method());
        };
    }

    private ObjectNode transform(String name) {
        return c.store().get(TRANSFORMS, ArmStore.key(name)).orElseThrow(ArmError::notFound);
    }

    private ObjectNode job(String key) {
        return c.store().get(JOBS, key).orElseThrow(ArmError::notFound);
    }

    private ArmReply putTransform(ArmRequest r, String name) {
        ArmContext.requireName(name, "transform");
        JsonNode props = r.body().path("properties");
        JsonNode outputs = props.path("outputs");
        if (!outputs.isArray() || outputs.size() != 1) {
            throw ArmError.badRequest("properties.outputs must hold one output (the emulator runs one preset per transform).");
        }
        JsonNode preset = outputs.get(0).path("preset");
        if (!PRESET_TYPE.equals(preset.path("@odata.type").asText()) || !PRESET.equals(preset.path("presetName").asText())) {
            throw ArmError.badRequest("Only the built-in preset is emulated: {\"@odata.type\":\"" + PRESET_TYPE
                    + "\",\"presetName\":\"" + PRESET + "\"}.");
        }
        synchronized (c.store().lock()) {
            var existing = c.store().get(TRANSFORMS, ArmStore.key(name));
            ObjectNode t = existing.orElseGet(() -> {
                ObjectNode n = c.resource(TRANSFORMS, name, "transforms");
                String now = ArmJson.time(c.clock().instant());
                ((ObjectNode) n.get("properties")).put("created", now).put("lastModified", now);
                return n;
            });
            ObjectNode p = (ObjectNode) t.get("properties");
            if (props.hasNonNull("description")) {
                p.put("description", props.get("description").asText());
            }
            ArrayNode outs = p.putArray("outputs");
            outs.addObject().put("onError", outputs.get(0).path("onError").asText("StopProcessingJob"))
                    .put("relativePriority", outputs.get(0).path("relativePriority").asText("Normal"))
                    .putObject("preset").put("@odata.type", PRESET_TYPE).put("presetName", PRESET);
            c.modified(t);
            c.store().put(TRANSFORMS, ArmStore.key(name), t);
            return ArmReply.of(existing.isPresent() ? 200 : 201, ArmStore.wire(t));
        }
    }

    private ArmReply deleteTransform(String name) {
        synchronized (c.store().lock()) {
            var t = c.store().get(TRANSFORMS, ArmStore.key(name));
            if (t.isEmpty()) {
                return ArmReply.empty(204);
            }
            String tName = t.get().path("name").asText();
            for (ObjectNode j : c.store().all(JOBS)) {
                if (j.path("_transform").asText().equalsIgnoreCase(tName)) {
                    c.store().remove(JOBS, j.path("Id").asText());
                }
            }
            c.store().remove(TRANSFORMS, ArmStore.key(name));
            return ArmReply.empty(200);
        }
    }

    private ArmReply createJob(ArmRequest r, String transform, String name, String key) {
        ArmContext.requireName(name, "job");
        JsonNode props = r.body().path("properties");
        JsonNode input = props.path("input");
        if (!"#Microsoft.Media.JobInputAsset".equals(input.path("@odata.type").asText()) || !input.hasNonNull("assetName")) {
            throw ArmError.badRequest("properties.input must be a #Microsoft.Media.JobInputAsset with an assetName.");
        }
        JsonNode outputs = props.path("outputs");
        if (!outputs.isArray() || outputs.size() != 1
                || !"#Microsoft.Media.JobOutputAsset".equals(outputs.get(0).path("@odata.type").asText())
                || !outputs.get(0).hasNonNull("assetName")) {
            throw ArmError.badRequest("properties.outputs must hold one #Microsoft.Media.JobOutputAsset with an assetName "
                    + "(one per transform output).");
        }
        String inputAsset = input.get("assetName").asText();
        String outputAsset = outputs.get(0).get("assetName").asText();
        synchronized (c.store().lock()) {
            if (c.store().get(JOBS, key).isPresent()) {
                throw ArmError.conflict("Job '" + name + "' already exists in transform '" + transform + "'.");
            }
            if (c.store().get(AssetsResource.SET, ArmStore.key(inputAsset)).isEmpty()) {
                throw ArmError.badRequest("The input asset '" + inputAsset + "' does not exist.");
            }
            if (c.store().get(AssetsResource.SET, ArmStore.key(outputAsset)).isEmpty()) {
                throw ArmError.badRequest("The output asset '" + outputAsset + "' does not exist: create it before the job.");
            }
            ObjectNode j = c.resource(TRANSFORMS + "/" + transform + "/jobs", name, "transforms/jobs");
            String now = ArmJson.time(c.clock().instant());
            ObjectNode p = ((ObjectNode) j.get("properties")).put("created", now).put("state", "Queued")
                    .put("lastModified", now).put("priority", props.path("priority").asText("Normal"));
            if (props.hasNonNull("description")) {
                p.put("description", props.get("description").asText());
            }
            ObjectNode in = p.putObject("input").put("@odata.type", "#Microsoft.Media.JobInputAsset").put("assetName", inputAsset);
            in.set("files", input.path("files").isArray() ? input.get("files").deepCopy() : ArmJson.JSON.createArrayNode());
            in.putArray("inputDefinitions");
            p.putArray("outputs").addObject().put("@odata.type", "#Microsoft.Media.JobOutputAsset")
                    .put("assetName", outputAsset).put("progress", 0).put("label", "BuiltInStandardEncoderPreset_0")
                    .put("state", "Queued");
            p.set("correlationData", props.path("correlationData").isObject() ? props.get("correlationData").deepCopy()
                    : ArmJson.object());
            j.put("_transform", transform);
            c.store().put(JOBS, key, j);
            encoder.submit(key);
            return ArmReply.of(201, ArmStore.wire(j));
        }
    }

    private ArmReply patchJob(ArmRequest r, String key) {
        synchronized (c.store().lock()) {
            ObjectNode j = job(key);
            JsonNode props = r.body().path("properties");
            ObjectNode p = (ObjectNode) j.get("properties");
            for (String f : List.of("description", "priority")) {
                if (props.hasNonNull(f)) {
                    p.put(f, props.get(f).asText());
                }
            }
            c.modified(j);
            c.store().touched();
            return ArmReply.of(200, ArmStore.wire(j));
        }
    }

    private ArmReply cancel(String key) {
        synchronized (c.store().lock()) {
            ObjectNode j = job(key);
            ObjectNode p = (ObjectNode) j.get("properties");
            String state = p.path("state").asText();
            if (state.equals("Queued") || state.equals("Scheduled") || state.equals("Processing")) {
                p.put("state", "Canceling");
                p.withArray("outputs").forEach(o -> ((ObjectNode) o).put("state", "Canceling"));
                c.modified(j);
                c.store().touched();
            }
            return ArmReply.empty(200);
        }
    }

    private ArmReply deleteJob(String key) {
        synchronized (c.store().lock()) {
            var j = c.store().get(JOBS, key);
            if (j.isEmpty()) {
                return ArmReply.empty(204);
            }
            String state = j.get().path("properties").path("state").asText();
            if (UNFINISHED.contains(state)) {
                throw ArmError.badRequest("The job is " + state + "; cancel it (POST …/cancelJob) before deleting it.");
            }
            c.store().remove(JOBS, key);
            return ArmReply.empty(200);
        }
    }

    /** The jobs a restart must run again. */
    List<String> unfinished() {
        return c.store().all(JOBS).stream().filter(j -> UNFINISHED.contains(j.path("properties").path("state").asText()))
                .map(j -> j.path("Id").asText()).toList();
    }

    static String state(ObjectNode job) {
        return job.path("properties").path("state").asText().toLowerCase(Locale.ROOT);
    }
}
