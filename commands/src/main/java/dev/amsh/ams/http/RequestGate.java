package dev.amsh.ams.http;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.LongSupplier;

/**
 * Flow control for one datacenter, on every attempt of every call (Media Services and storage): at most
 * {@code limit} requests in flight and at most {@code maxRps} started per second. Open (no limit) until a bulk
 * operation opens a {@link Window}; then throttling answers (429, 503) halve the limit and a limit's worth of
 * successes raise it by one, as AzCopy's auto-tuning does, so a throttled run slows down instead of failing.
 */
public final class RequestGate implements Interceptor {
    /** Halve at most once per this span: a burst of 429s from one overload is one signal, not ten. */
    static final long DECREASE_SPACING_NANOS = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private int limit = Integer.MAX_VALUE;
    private int ceiling = Integer.MAX_VALUE;
    private double maxRps;
    private int inFlight;
    private int successes;
    private long throttled;
    private long lastDecrease = Long.MIN_VALUE / 2;
    private long nextStart;

    public RequestGate() {
        this(System::nanoTime);
    }

    public RequestGate(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Limits in force until the window is closed: starting in-flight limit, its ceiling, and a rate cap (0: none). */
    public synchronized Window open(int start, int ceiling, double maxRps) {
        this.limit = Math.max(1, Math.min(start, ceiling));
        this.ceiling = Math.max(1, ceiling);
        this.maxRps = Math.max(0, maxRps);
        this.throttled = 0;
        this.successes = 0;
        notifyAll();
        return new Window();
    }

    /** An open window of limits; closing it opens the gate again. */
    public final class Window implements AutoCloseable {
        @Override
        public void close() {
            synchronized (RequestGate.this) {
                limit = Integer.MAX_VALUE;
                ceiling = Integer.MAX_VALUE;
                maxRps = 0;
                RequestGate.this.notifyAll();
            }
        }
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized long throttled() {
        return throttled;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        acquire();
        try {
            Response r = chain.proceed(chain.request());
            if (r.code() == 429 || r.code() == 503) {
                onThrottled();
            } else {
                onAnswered();
            }
            return r;
        } finally {
            release();
        }
    }

    private void acquire() throws InterruptedIOException {
        long wait;
        synchronized (this) {
            try {
                while (inFlight >= limit) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a request slot");
            }
            inFlight++;
            wait = 0;
            if (maxRps > 0) {
                long now = nanoTime.getAsLong();
                long slot = Math.max(now, nextStart);
                nextStart = slot + (long) (1_000_000_000L / maxRps);
                wait = slot - now;
            }
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                release();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing requests");
            }
        }
    }

    private synchronized void release() {
        inFlight--;
        notifyAll();
    }

    synchronized void onThrottled() {
        throttled++;
        successes = 0;
        long now = nanoTime.getAsLong();
        if (ceiling != Integer.MAX_VALUE && now - lastDecrease >= DECREASE_SPACING_NANOS) {
            limit = Math.max(1, limit / 2);
            lastDecrease = now;
        }
    }

    synchronized void onAnswered() {
        if (ceiling == Integer.MAX_VALUE || limit >= ceiling) {
            return;
        }
        if (++successes >= limit) {
            limit++;
            successes = 0;
        }
    }
}
