package dev.amsh.ams.http;

import dev.amsh.ams.http.RetryInterceptor.Decision;
import dev.amsh.ams.http.RetryInterceptor.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** The retry rule as a pure function: which outcome of which call is tried again. */
class RetryDecisionTest {
    final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.5, d -> { });

    Decision decide(String method, boolean repeatable, int attempt, boolean earlierUnknown, Outcome o) {
        return RetryInterceptor.decide(policy, method, repeatable, attempt, earlierUnknown, o);
    }

    static Outcome code(int c) {
        return new Outcome.Answered(c, null);
    }

    @Test
    void throttlingIsRetriedForEveryVerbAndHonoursRetryAfter() {
        assertInstanceOf(Decision.Retry.class, decide("POST", false, 1, false, code(429)));
        assertInstanceOf(Decision.Retry.class, decide("POST", false, 1, false, code(503)));
        Decision d = decide("POST", false, 1, false, new Outcome.Answered(503, Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(3), ((Decision.Retry) d).delay());
    }

    @Test
    void unknownOutcomesAreRetriedOnlyForIdempotentCalls() {
        for (Outcome o : new Outcome[] {code(500), code(502), code(504), code(408), new Outcome.Lost()}) {
            assertInstanceOf(Decision.Give.class, decide("POST", false, 1, false, o), o.toString());
            assertInstanceOf(Decision.Retry.class, decide("POST", true, 1, false, o), o.toString());
            assertInstanceOf(Decision.Retry.class, decide("GET", true, 1, false, o), o.toString());
            assertInstanceOf(Decision.Retry.class, decide("DELETE", true, 1, false, o), o.toString());
        }
    }

    @Test
    void aRequestThatNeverLeftIsRetriedEvenWhenItIsAPlainPost() {
        assertInstanceOf(Decision.Retry.class, decide("POST", false, 1, false, new Outcome.NotSent()));
    }

    @Test
    void clientErrorsAndSuccessesAreFinal() {
        for (int c : new int[] {200, 201, 204, 400, 401, 403, 404, 409}) {
            assertInstanceOf(Decision.Give.class, decide("GET", true, 1, false, code(c)), "HTTP " + c);
        }
    }

    @Test
    void aDelete404IsDoneOnlyAfterAnAttemptWhoseOutcomeWasUnknown() {
        assertInstanceOf(Decision.AlreadyDone.class, decide("DELETE", true, 2, true, code(404)));
        assertInstanceOf(Decision.Give.class, decide("DELETE", true, 1, false, code(404)));
        assertInstanceOf(Decision.Give.class, decide("GET", true, 2, true, code(404)));
    }

    @Test
    void theLastAttemptGivesUp() {
        assertInstanceOf(Decision.Give.class, decide("GET", true, 4, false, code(503)));
        assertInstanceOf(Decision.Retry.class, decide("GET", true, 3, false, code(503)));
    }

    @Test
    void whichOutcomesLeaveTheServiceStateUnknown() {
        assertTrue(RetryInterceptor.unknownOutcome(new Outcome.Lost()));
        assertTrue(RetryInterceptor.unknownOutcome(code(500)));
        assertFalse(RetryInterceptor.unknownOutcome(code(503)), "503 is a refusal before acting");
        assertFalse(RetryInterceptor.unknownOutcome(new Outcome.NotSent()));
    }
}
