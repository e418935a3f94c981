package dev.amsh.ops;

import dev.amsh.ams.model.Locator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where a locator's start/expiry window stands at a given instant: the origin serves only an active locator. */
public record LocatorWindow(State state, Instant start, Instant expiry, Instant now) {
    public enum State { ACTIVE, PENDING, EXPIRED }

    public static LocatorWindow of(Locator l, Instant now) {
        return of(l.startTime(), l.expirationDateTime(), now);
    }

    /** The window of any locator, v2 or v3, by its start and end. */
    public static LocatorWindow of(Instant start, Instant expiry, Instant now) {
        State s = start != null && now.isBefore(start) ? State.PENDING
                : expiry != null && !now.isBefore(expiry) ? State.EXPIRED
                : State.ACTIVE;
        return new LocatorWindow(s, start, expiry, now);
    }

    /** "active until 2026-12-25T10:00:00Z", "expired 3 days ago (2026-11-22T…)", "starts in 2 minutes (…)". */
    public String describe() {
        return switch (state) {
            case ACTIVE -> "active" + (expiry == null ? "" : " until " + expiry);
            case EXPIRED -> "expired " + span(Duration.between(expiry, now)) + " ago (" + expiry + ")";
            case PENDING -> "starts in " + span(Duration.between(now, start)) + " (" + start + ")";
        };
    }

    /** Whether two instants fall in the same second (the service keeps seconds); two nulls are the same. */
    public static boolean sameSecond(Instant x, Instant y) {
        return x == null ? y == null : y != null && x.truncatedTo(ChronoUnit.SECONDS).equals(y.truncatedTo(ChronoUnit.SECONDS));
    }

    static String span(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 2 * 86400) {
            return s / 86400 + " days";
        }
        if (s >= 2 * 3600) {
            return s / 3600 + " hours";
        }
        if (s >= 120) {
            return s / 60 + " minutes";
        }
        return s + " seconds";
    }
}
