package dev.amsh.shell.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A value made the first time someone asks for it, on the asking thread: the local pair for {@code -c} and
 * runbooks, so a line that needs no datacenter ({@code help}) starts nothing that could outlive amsh.
 */
final class OnFirstUse<T> implements Future<T> {
    private final Supplier<T> make;
    private T value;
    private RuntimeException failure;
    private boolean done;

    OnFirstUse(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() throws ExecutionException {
        if (!done) {
            try {
                value = make.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return value;
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws ExecutionException {
        return get();
    }

    @Override
    public synchronized boolean isDone() {
        return done;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
