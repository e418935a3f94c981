package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.storage.CopyCancellation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/** Background jobs: each has a cancellation of its own, and cancelling one leaves the others running. */
class BackgroundWorkTest {
    final List<String> notices = new CopyOnWriteArrayList<>();
    final BackgroundWork work = new BackgroundWork(Clock.systemUTC(), notices::add);

    /** A job that waits until its cancellation is cancelled, as a command between two steps does. */
    int untilCancelled(CountDownLatch started, AtomicReference<CopyCancellation> seen) {
        return work.start("wait", variable -> {
            CopyCancellation mine = work.cancellationHere().orElseThrow();
            seen.set(mine);
            started.countDown();
            while (!mine.isCancelled()) {
                Thread.onSpinWait();
            }
            throw new AmshException("stopped", "");
        });
    }

    @Test
    void cancellingOneJobStopsItAndNotTheOther() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicReference<CopyCancellation> first = new AtomicReference<>();
        AtomicReference<CopyCancellation> second = new AtomicReference<>();
        int one = untilCancelled(started, first);
        int two = untilCancelled(started, second);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertNotSame(first.get(), second.get(), "each job has its own cancellation");
        assertTrue(work.cancellationHere().isEmpty(), "the prompt's thread runs no job");

        assertEquals("running", work.cancel(one).state());
        waitFor(() -> notices.contains("[1] cancelled in 0 s: wait"));
        assertEquals("cancelled", work.jobs().get(0).state());
        assertNull(work.jobs().get(0).error(), "what a cancelled job threw on its way out is the cancel, not a failure");
        assertEquals("running", work.jobs().get(1).state());
        assertFalse(second.get().isCancelled());

        AmshException again = assertThrows(AmshException.class, () -> work.cancel(one));
        assertEquals("background job 1 has already ended (cancelled)", again.getMessage());
        assertEquals("no background job 3", assertThrows(AmshException.class, () -> work.cancel(3)).getMessage());
        work.cancel(two);
        waitFor(() -> work.jobs().get(1).state().equals("cancelled"));
    }

    @Test
    void aJobThatFailsOnItsOwnIsAFailure() throws Exception {
        work.start("boom", variable -> {
            throw new AmshException("boom", "");
        });
        waitFor(() -> work.jobs().get(0).state().equals("failed"));
        assertEquals("boom", work.jobs().get(0).error());
    }

    static void waitFor(BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "not within 5 s");
            Thread.sleep(10);
        }
    }
}
