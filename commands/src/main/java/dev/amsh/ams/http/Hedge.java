package dev.amsh.ams.http;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A hedged read: when an idempotent request has not answered within {@code after}, the same request is sent
 * once more and whichever answers first wins; the other is cancelled. A hung answer then costs about
 * {@code after} instead of a whole per-try timeout. Only for calls that change nothing (GET, HEAD).
 */
public final class Hedge {
    private Hedge() {
    }

    public static boolean applies(Request r) {
        return r.method().equals("GET") || r.method().equals("HEAD");
    }

    public static Response execute(OkHttpClient client, Request request, Duration after) throws IOException {
        Call first = client.newCall(request);
        CompletableFuture<Response> a = enqueue(first);
        try {
            return a.get(after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            Call second = client.newCall(request);
            CompletableFuture<Response> b = enqueue(second);
            return firstSuccess(a, first, b, second);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            first.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private static Response firstSuccess(CompletableFuture<Response> a, Call callA, CompletableFuture<Response> b,
                                         Call callB) throws IOException {
        CompletableFuture<Response> any = new CompletableFuture<>();
        CompletableFuture<Throwable> bothFailed = new CompletableFuture<>();
        a.whenComplete((r, e) -> settle(any, bothFailed, b, r, e));
        b.whenComplete((r, e) -> settle(any, bothFailed, a, r, e));
        try {
            Response winner = CompletableFuture.anyOf(any, bothFailed).thenApply(x -> any.getNow(null)).get();
            if (winner == null) {
                throw unwrap(new ExecutionException(bothFailed.get()));
            }
            // the loser is cancelled; an answer it still gets is closed so its connection is freed
            CompletableFuture<Response> loser = winner == a.getNow(null) ? b : a;
            (loser == a ? callA : callB).cancel();
            loser.thenAccept(r -> {
                if (r != winner) {
                    r.close();
                }
            });
            return winner;
        } catch (InterruptedException e) {
            callA.cancel();
            callB.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private static void settle(CompletableFuture<Response> any, CompletableFuture<Throwable> bothFailed,
                               CompletableFuture<Response> other, Response r, Throwable e) {
        if (e == null) {
            if (!any.complete(r)) {
                r.close();
            }
        } else if (other.isCompletedExceptionally()) {
            bothFailed.complete(e);
        }
    }

    private static CompletableFuture<Response> enqueue(Call call) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                f.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response r) {
                f.complete(r);
            }
        });
        return f;
    }

    private static IOException unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof IOException io) {
            return io;
        }
        if (c instanceof RuntimeException re) {
            throw re;
        }
        return new IOException(c);
    }
}
