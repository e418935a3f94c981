package dev.amsh.datacenter;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/** A job followed by reading it again: each poll is one read; done once the job has ended (Finished, Error, Canceled). */
public final class JobPoller implements Poller<MediaJob, MediaJob> {
    private final Function<String, MediaJob> read;
    private final Duration interval;
    private MediaJob last;

    public JobPoller(MediaJob first, Function<String, MediaJob> read, Duration interval) {
        this.last = first;
        this.read = read;
        this.interval = interval;
    }

    public synchronized MediaJob poll() {
        last = read.apply(last.id());
        return last;
    }

    public synchronized boolean done() {
        return last.terminal();
    }

    /** Polls until the job ends or {@code max} has passed; an interrupt stops the wait (the job goes on). */
    public MediaJob await(Duration max, Consumer<MediaJob> onProgress) {
        long deadline = System.nanoTime() + max.toNanos();
        onProgress.accept(poll());
        while (!done() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            onProgress.accept(poll());
        }
        return last;
    }
}
