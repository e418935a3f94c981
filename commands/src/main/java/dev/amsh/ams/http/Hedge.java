package dev.amsh.ams.http;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hedged reads: when an idempotent request has not answered within {@code after}, the same request is sent
 * once more and whichever answers first wins; the other is cancelled. A hung answer then costs about
 * {@code after} instead of a whole per-try timeout. Only for calls that change nothing (GET, HEAD). Each
 * attempt runs as a plain synchronous call on this hedge's own threads, so errors surface as they would
 * without hedging.
 */
public final class Hedge {
    /** When an unanswered read is sent a second time: well past a healthy answer, far short of a try timeout. */
    public static final Duration DEFAULT_AFTER = Duration.ofSeconds(1);

    private final Duration after;
    private final ExecutorService pool;

    public Hedge(Duration after) {
        this.after = after;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "amsh-hedge-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Tag a GET that is no plain read (a function such as CancelJob or CreateFileInfos): never hedged. */
    public enum Off { YES }

    /** Reads only: GET and HEAD, unless tagged {@link Off} or given a longer try ({@link TryTimeoutInterceptor.Slow}). */
    public static boolean applies(Request r) {
        return (r.method().equals("GET") || r.method().equals("HEAD")) && r.tag(Off.class) == null
                && r.tag(TryTimeoutInterceptor.Slow.class) == null;
    }

    public Response execute(OkHttpClient client, Request request) throws IOException {
        Call first = client.newCall(request);
        CompletableFuture<Response> a = start(first);
        try {
            return a.get(after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            Call second = client.newCall(request);
            return firstSuccess(a, first, start(second), second);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            first.cancel();
            a.thenAccept(Response::close); // an answer that still arrives frees its connection
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private CompletableFuture<Response> start(Call call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.execute();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    private static Response firstSuccess(CompletableFuture<Response> a, Call callA, CompletableFuture<Response> b,
                                         Call callB) throws IOException {
        CompletableFuture<Response> winner = new CompletableFuture<>();
        a.whenComplete((r, e) -> settle(winner, b, r, e));
        b.whenComplete((r, e) -> settle(winner, a, r, e));
        try {
            Response w = winner.get();
            // the loser is cancelled (never the winner: its body is still to be read); an answer the loser still
            // gets is closed so its connection is freed
            boolean aWon = a.isDone() && !a.isCompletedExceptionally() && a.join() == w;
            (aWon ? callB : callA).cancel();
            a.thenAccept(r -> closeUnless(r, w));
            b.thenAccept(r -> closeUnless(r, w));
            return w;
        } catch (InterruptedException e) {
            callA.cancel();
            callB.cancel();
            a.thenAccept(Response::close);
            b.thenAccept(Response::close);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private static void closeUnless(Response r, Response keep) {
        if (r != keep) {
            r.close();
        }
    }

    /** The first answer wins; a failure counts only once the other attempt has failed too. */
    private static void settle(CompletableFuture<Response> winner, CompletableFuture<Response> other, Response r,
                               Throwable e) {
        if (e == null) {
            if (!winner.complete(r)) {
                r.close();
            }
        } else if (other.isCompletedExceptionally()) {
            winner.completeExceptionally(e);
        }
    }

    private static IOException unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        while ((c instanceof CompletionException || c instanceof ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof IOException io) {
            return io;
        }
        if (c instanceof RuntimeException re) {
            throw re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new IOException(c);
    }
}
