package dev.amsh.emulator.front;

import java.time.Instant;

/**
 * What the probes say of one endpoint: online until more than the tolerated failures in a row; its last probe's
 * result, and when it last changed between online and degraded (what a drill reports as "the front noticed").
 */
public record EndpointHealth(String name, int priority, String origin, boolean online, int consecutiveFailures,
                             String lastResult, Instant lastProbe, Instant changedAt) {
}
