package dev.amsh.ams.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** The gate's auto-tuning: halve on throttling (once per second), add one per limit's worth of answers. */
class RequestGateTest {
    @Test
    void throttlingHalvesTheLimitAndAnswersBringItBackUpToTheCeiling() {
        AtomicLong nanos = new AtomicLong(0);
        RequestGate gate = new RequestGate(nanos::get);
        try (RequestGate.Window w = gate.open(32, 32, 0)) {
            gate.onThrottled();
            assertEquals(16, gate.limit());
            gate.onThrottled();
            assertEquals(16, gate.limit(), "a burst within a second is one signal");
            nanos.addAndGet(RequestGate.DECREASE_SPACING_NANOS);
            gate.onThrottled();
            assertEquals(8, gate.limit());
            for (int i = 0; i < 8; i++) {
                gate.onAnswered();
            }
            assertEquals(9, gate.limit(), "a limit's worth of answers adds one");
            for (int i = 0; i < 10_000; i++) {
                gate.onAnswered();
            }
            assertEquals(32, gate.limit(), "never past the ceiling");
            assertEquals(3, gate.throttled());
        }
        assertEquals(Integer.MAX_VALUE, gate.limit(), "closing the window opens the gate");
        gate.onThrottled();
        assertEquals(Integer.MAX_VALUE, gate.limit(), "an open gate is not tuned");
    }
}
