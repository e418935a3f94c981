package dev.amsh.browser;

import java.time.Duration;

/**
 * One drill: which player plays what through the front, when datacenter {@code failing} is taken down, and for
 * how long playback is watched in all.
 */
public record DrillPlan(String frontManifestUrl, PlayerFormat format, String mode, String failing, Duration failAfter,
                        Duration duration, Duration expectedRedirectDelay) {
}
