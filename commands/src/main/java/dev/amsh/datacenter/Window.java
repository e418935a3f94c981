package dev.amsh.datacenter;

import java.time.Instant;

/** When a locator serves: from {@code start} (null: at once) until {@code end} (null: without end). */
public record Window(Instant start, Instant end) {
}
