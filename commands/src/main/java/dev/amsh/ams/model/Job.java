package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.amsh.ams.model.ODataJson.*;

/**
 * An encoding job. {@code state} holds the name the tables print ({@code Queued, Scheduled, Processing, Finished,
 * Error, Canceled, Canceling}, v2's codes 0–6, which v3 spells the same way).
 */
public record Job(String id, String name, String state, int priority, Instant created, Instant startTime,
                  Instant endTime, double runningDuration) {

    public static final CodeNames STATES = CodeNames.ordered("Queued", "Scheduled", "Processing", "Finished", "Error",
            "Canceled", "Canceling");

    public static Job from(JsonNode n) {
        return new Job(text(n, "Id"), text(n, "Name"), STATES.name(integer(n, "State", 0)), integer(n, "Priority", 0),
                date(n, "Created"), date(n, "StartTime"), date(n, "EndTime"), dbl(n, "RunningDuration", 0));
    }

    public boolean finished() {
        return "Finished".equals(state);
    }

    public boolean terminal() {
        return finished() || "Error".equals(state) || "Canceled".equals(state);
    }
}
