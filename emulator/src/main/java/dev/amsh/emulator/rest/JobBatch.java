package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code $batch}: the one use clients made of it, a changeset of {@code POST Jobs} followed by one
 * {@code POST $1/Tasks} per task (the Java SDK's way of creating a job), done as one job create, all or
 * nothing. The answer is multipart even when the changeset fails: the error travels in its part, as OData
 * sends it.
 */
final class JobBatch {
    /** The multipart answer, and the job it created (null when the changeset failed). */
    record Outcome(BatchResponse response, String jobId) {
    }

    private final JobsHandler jobs;
    private final Supplier<UUID> ids;

    JobBatch(JobsHandler jobs, Supplier<UUID> ids) {
        this.jobs = jobs;
        this.ids = ids;
    }

    Outcome run(BatchRequest request, EntityWriter out, String root) {
        BatchResponse response = new BatchResponse(ids);
        try {
            List<BatchRequest.Operation> ops = request.operations();
            BatchRequest.Operation first = ops.get(0);
            if (!first.method().equals("POST") || !first.uri().matches("(?i).*/?Jobs$")) {
                throw ServiceErrors.badRequest("a $batch holds a POST of Jobs and then POSTs of $1/Tasks; found "
                        + first.method() + " " + first.uri());
            }
            ObjectNode job = (ObjectNode) Http.entityBody(first.header("Content-Type"), first.body());
            ArrayNode tasks = job.putArray("Tasks");
            for (BatchRequest.Operation op : ops.subList(1, ops.size())) {
                if (!op.method().equals("POST") || !op.uri().matches("(?i).*\\$1/Tasks$")) {
                    throw ServiceErrors.badRequest("a $batch job create takes POSTs of $1/Tasks after the job; found "
                            + op.method() + " " + op.uri());
                }
                tasks.add(Http.entityBody(op.header("Content-Type"), op.body()));
            }
            ObjectNode created = jobs.create(job);
            String jobId = created.get("Id").asText();
            response.add(new BatchResponse.Part(201, "Created", out.entityContentType(),
                    root + EntityWriter.keyPath("Jobs", jobId), out.single("Jobs", jobs.decorate(created))));
            for (ObjectNode task : jobs.tasksOf(jobId)) {
                response.add(new BatchResponse.Part(201, "Created", out.entityContentType(),
                        root + EntityWriter.keyPath("Tasks", task.get("Id").asText()), out.single("Tasks", task)));
            }
            return new Outcome(response, jobId);
        } catch (ServiceError e) {
            response.add(new BatchResponse.Part(e.status(), "Error", out.errorContentType(), null, out.error(e.code(), e.getMessage())));
            return new Outcome(response, null);
        }
    }
}
