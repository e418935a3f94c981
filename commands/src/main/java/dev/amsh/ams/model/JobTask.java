package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.amsh.ams.model.ODataJson.*;

/**
 * A task of a job: the processor, the preset (Configuration), state, progress and error details. {@code state} is
 * named as a job's is (the service gives tasks the job's codes).
 */
public record JobTask(String id, String name, String mediaProcessorId, String configuration, String state,
                      double progress, List<ErrorDetail> errorDetails) {

    public record ErrorDetail(String code, String message) {
    }

    public static JobTask from(JsonNode n) {
        List<ErrorDetail> errors = new ArrayList<>();
        JsonNode ed = n.get("ErrorDetails");
        if (ed != null && ed.has("results")) {
            ed = ed.get("results");
        }
        if (ed != null && ed.isArray()) {
            ed.forEach(e -> errors.add(new ErrorDetail(text(e, "Code"), text(e, "Message"))));
        }
        return new JobTask(text(n, "Id"), text(n, "Name"), text(n, "MediaProcessorId"), text(n, "Configuration"),
                Job.STATES.name(integer(n, "State", 0)), dbl(n, "Progress", 0), List.copyOf(errors));
    }
}
