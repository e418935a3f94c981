package dev.amsh.datacenter;

import java.time.Instant;
import java.util.List;

/**
 * An encoding job, whatever API runs it: v2's Job with its one task, or a v3 Job of a Transform. {@code id} is how
 * the datacenter names it (v2 {@code nb:jid:UUID:…}, v3 the job's name); {@code state} is printed as both APIs
 * spell it ({@code Queued, Scheduled, Processing, Finished, Error, Canceled, Canceling}); {@code progress} is 0–100;
 * {@code output} names the output asset as the datacenter addresses it (v2 Id once known, v3 name); {@code errors}
 * holds one line per error the service gave.
 */
public record MediaJob(String id, String name, String state, double progress, Instant created, double seconds,
                       String input, String output, String preset, List<String> errors) {
    public boolean terminal() {
        return finished() || failed() || "Canceled".equalsIgnoreCase(state);
    }

    public boolean finished() {
        return "Finished".equalsIgnoreCase(state);
    }

    public boolean failed() {
        return "Error".equalsIgnoreCase(state);
    }
}
