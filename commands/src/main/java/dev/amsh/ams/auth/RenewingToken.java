package dev.amsh.ams.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token kept until a margin before it lapses, then fetched anew: five minutes early, or at half-life for a token
 * that lives less than ten minutes, so a long runbook never sends a token that is about to expire. What a token
 * is and where it comes from is {@link #fetch}'s business (v2's ACS or Azure AD, Ravnur's JWT, Entra).
 */
public abstract class RenewingToken implements TokenProvider {
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final Clock clock;
    private AccessToken cached;
    private Instant refreshAt;

    protected RenewingToken(Clock clock) {
        this.clock = clock;
    }

    /** A new token; {@code now} is the time of asking, from which a lifetime such as {@code expires_in} counts. */
    protected abstract AccessToken fetch(Instant now);

    @Override
    public final synchronized AccessToken token() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(refreshAt)) {
            cached = fetch(now);
            refreshAt = refreshAt(now, cached.expiresAt());
        }
        return cached;
    }

    @Override
    public final synchronized void invalidate() {
        cached = null;
    }

    /** When a token fetched at {@code now} and lapsing at {@code expiresAt} is fetched again. */
    static Instant refreshAt(Instant now, Instant expiresAt) {
        Duration life = Duration.between(now, expiresAt);
        Duration margin = life.compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0 ? life.dividedBy(2) : REFRESH_MARGIN;
        return expiresAt.minus(margin);
    }
}
