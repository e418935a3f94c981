package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jobs with their Tasks: inputs by reference, an output asset per task (named from its TaskBody), cancel. */
final class JobsHandler implements EntitySetHandler {
    private static final Pattern OUTPUT_NAME = Pattern.compile("assetName=\"([^\"]*)\"");
    private final ApiContext c;
    private final AssetsHandler assets;

    JobsHandler(ApiContext c, AssetsHandler assets) {
        this.c = c;
        this.assets = assets;
    }

    @Override
    public String set() {
        return "Jobs";
    }

    @Override
    public ObjectNode create(JsonNode body) {
        JsonNode inputs = body.path("InputMediaAssets");
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw ServiceErrors.badRequest("a job needs InputMediaAssets");
        }
        List<String> inputIds = new ArrayList<>();
        for (JsonNode in : inputs) {
            String uri = in.path("__metadata").path("uri").asText();
            String id = EntityKeys.assetIn(uri).orElseThrow(
                    () -> ServiceErrors.badRequest("InputMediaAssets entries need __metadata.uri of an asset"));
            c.store().get("Assets", id).orElseThrow(() -> ServiceErrors.notFound("input asset " + id + " does not exist"));
            inputIds.add(id);
        }
        JsonNode tasks = body.path("Tasks");
        if (!tasks.isArray() || tasks.isEmpty()) {
            throw ServiceErrors.badRequest("a job needs at least one task");
        }
        for (JsonNode t : tasks) {
            String processor = EntityKeys.normalize("mpid", Fields.require(t, "MediaProcessorId"));
            c.store().get("MediaProcessors", processor)
                    .orElseThrow(() -> ServiceErrors.badRequest("MediaProcessorId " + processor + " does not exist"));
        }
        String now = c.now();
        String jobId = "nb:jid:UUID:" + c.ids().get();
        ObjectNode job = ODataWriter.JSON.createObjectNode().put("Id", jobId).put("Name", Fields.text(body, "Name"))
                .put("Created", now).put("LastModified", now).put("EndTime", (String) null)
                .put("Priority", Fields.intField(body, "Priority", 0)).put("RunningDuration", 0.0)
                .put("StartTime", (String) null).put("State", 0).put("TemplateId", (String) null);
        ArrayNode subscriptions = job.putArray("JobNotificationSubscriptions");
        JsonNode sent = body.path("JobNotificationSubscriptions");
        (sent.has("results") ? sent.get("results") : sent).forEach(subscriptions::add);
        ArrayNode inputArr = job.putArray("_InputAssetIds");
        inputIds.forEach(inputArr::add);
        ArrayNode outputArr = job.putArray("_OutputAssetIds");
        for (JsonNode t : tasks) {
            String taskBody = Fields.text(t, "TaskBody");
            Matcher name = OUTPUT_NAME.matcher(taskBody == null ? "" : taskBody);
            ObjectNode output = assets.create(ODataWriter.JSON.createObjectNode()
                    .put("Name", name.find() ? name.group(1) : "JobOutputAsset").put("Options", 0));
            outputArr.add(output.get("Id").asText());
            ObjectNode task = ODataWriter.JSON.createObjectNode().put("Id", "nb:tid:UUID:" + c.ids().get())
                    .put("Configuration", Fields.text(t, "Configuration")).put("EndTime", (String) null)
                    .put("MediaProcessorId", EntityKeys.normalize("mpid", Fields.require(t, "MediaProcessorId")))
                    .put("Name", Fields.text(t, "Name"))
                    .put("PerfMessage", (String) null).put("Priority", 0).put("Progress", 0.0)
                    .put("RunningDuration", 0.0).put("StartTime", (String) null).put("State", 0)
                    .put("TaskBody", taskBody).put("Options", Fields.intField(t, "Options", 0))
                    .put("_JobId", jobId).put("_OutputAssetId", output.get("Id").asText());
            task.putArray("ErrorDetails");
            c.store().put("Tasks", task);
        }
        c.store().put("Jobs", job);
        return job;
    }

    @Override
    public void delete(ObjectNode entity) {
        String id = entity.get("Id").asText();
        c.store().removeWhere("Tasks", t -> id.equals(t.path("_JobId").asText()));
        c.store().remove("Jobs", id);
    }

    @Override
    public ObjectNode decorate(ObjectNode stored) {
        if (stored.has("JobNotificationSubscriptions")) {
            return stored;
        }
        // jobs stored before the property was kept: the service always wrote it, empty or not
        ObjectNode n = stored.deepCopy();
        n.putArray("JobNotificationSubscriptions");
        return n;
    }

    @Override
    public Related navigate(ObjectNode entity, String navigation) {
        String id = entity.get("Id").asText();
        return switch (navigation) {
            case "Tasks" -> new Related("Tasks", tasksOf(id), false);
            case "InputMediaAssets" -> new Related("Assets", assetsIn(entity.path("_InputAssetIds")), false);
            case "OutputMediaAssets" -> new Related("Assets", assetsIn(entity.path("_OutputAssetIds")), false);
            default -> EntitySetHandler.super.navigate(entity, navigation);
        };
    }

    List<ObjectNode> tasksOf(String jobId) {
        return c.store().find("Tasks", t -> jobId.equals(t.path("_JobId").asText()));
    }

    /** {@code CancelJob}: a job that has not ended goes to Canceling; the encoder stops it. */
    void cancel(String rawId) {
        if (rawId == null) {
            throw ServiceErrors.badRequest("CancelJob needs jobid='<job id>'");
        }
        String id = EntityKeys.normalize("jid", rawId);
        ObjectNode job = c.store().get("Jobs", id).orElseThrow(() -> ServiceErrors.notFound("job " + id + " does not exist"));
        synchronized (c.store()) {
            int state = job.path("State").asInt();
            if (state == 3 || state == 4 || state == 5) {
                throw ServiceErrors.badRequest("the job has already ended (" + state + ")");
            }
            job.put("State", 6);
            c.store().touched();
        }
    }

    private List<ObjectNode> assetsIn(JsonNode idsNode) {
        List<ObjectNode> out = new ArrayList<>();
        idsNode.forEach(i -> c.store().get("Assets", i.asText()).ifPresent(out::add));
        return out;
    }
}
