package dev.amsh.ams.auth;

import dev.amsh.ams.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The token cache both sign-ins share: kept until a margin before expiry, renewed then, dropped on demand. */
class RenewingTokenTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theMarginIsFiveMinutesOrHalfAShortLife() {
        assertEquals(T0.plus(Duration.ofMinutes(55)), RenewingToken.refreshAt(T0, T0.plus(Duration.ofHours(1))));
        assertEquals(T0.plus(Duration.ofMinutes(5)), RenewingToken.refreshAt(T0, T0.plus(Duration.ofMinutes(10))));
        assertEquals(T0.plus(Duration.ofMinutes(2)), RenewingToken.refreshAt(T0, T0.plus(Duration.ofMinutes(4))));
    }

    @Test
    void aTokenIsKeptUntilItsMarginThenFetchedAndInvalidateDropsIt() {
        MutableClock clock = new MutableClock(T0);
        List<Instant> asked = new ArrayList<>();
        RenewingToken token = new RenewingToken(clock) {
            @Override
            protected AccessToken fetch(Instant now) {
                asked.add(now);
                return new AccessToken("t" + asked.size(), now.plus(Duration.ofMinutes(30)));
            }
        };
        assertEquals("t1", token.token().value());
        clock.advance(Duration.ofMinutes(24));
        assertEquals("t1", token.token().value(), "6 minutes before expiry: kept");
        clock.advance(Duration.ofMinutes(2));
        assertEquals("t2", token.token().value(), "4 minutes before expiry: renewed");
        token.invalidate();
        assertEquals("t3", token.token().value(), "a 401 drops the token at once");
        assertEquals(List.of(T0, T0.plus(Duration.ofMinutes(26)), T0.plus(Duration.ofMinutes(26))), asked);
    }
}
