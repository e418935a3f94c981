package dev.amsh.datacenter;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A long-running operation, in SyncPoller's shape: {@link #poll()} asks once and gives the progress, {@link
 * #await} polls (honouring the service's Retry-After) until done, reporting each progress, and gives the result.
 */
public interface Poller<P, R> {
    P poll();

    boolean done();

    R await(Duration max, Consumer<P> onProgress);

    /** An operation that was already complete when it was asked for (a v2 endpoint, an endpoint already running). */
    static <P, R> Poller<P, R> completed(P progress, R result) {
        return new Poller<>() {
            public P poll() {
                return progress;
            }

            public boolean done() {
                return true;
            }

            public R await(Duration max, Consumer<P> onProgress) {
                onProgress.accept(progress);
                return result;
            }
        };
    }
}
