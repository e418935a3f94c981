package dev.amsh.ams;

import java.time.Instant;

/** What CreateLocator needs; {@code id} is optional and is how the failover procedure keeps URLs stable. */
public record LocatorRequest(String id, String assetId, String accessPolicyId, int type, Instant startTime,
                             String name) {
}
