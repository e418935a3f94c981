package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.amsh.ams.model.ODataJson.*;

/** An encoding job; State 0 Queued, 1 Scheduled, 2 Processing, 3 Finished, 4 Error, 5 Canceled, 6 Canceling. */
public record Job(String id, String name, int state, int priority, Instant created, Instant startTime,
                  Instant endTime, double runningDuration) {

    public static Job from(JsonNode n) {
        return new Job(text(n, "Id"), text(n, "Name"), integer(n, "State", 0), integer(n, "Priority", 0),
                date(n, "Created"), date(n, "StartTime"), date(n, "EndTime"), dbl(n, "RunningDuration", 0));
    }

    public static String stateName(int state) {
        return switch (state) {
            case 0 -> "Queued";
            case 1 -> "Scheduled";
            case 2 -> "Processing";
            case 3 -> "Finished";
            case 4 -> "Error";
            case 5 -> "Canceled";
            case 6 -> "Canceling";
            default -> String.valueOf(state);
        };
    }

    public String stateName() {
        return stateName(state);
    }

    public boolean terminal() {
        return state == 3 || state == 4 || state == 5;
    }
}
