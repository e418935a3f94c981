package dev.amsh.storage;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag the caller raises (Ctrl-C in the shell) to stop a copy; checked between every server call. */
public final class CopyCancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }
}
