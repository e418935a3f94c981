package dev.amsh.ams.http;

import dev.amsh.redact.Redactor;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A network interceptor that reports every HTTP exchange (redirect hops and retries included) with its
 * method, redacted URL, status and duration. Also counts calls, which benchmarks use.
 */
public final class TraceInterceptor implements Interceptor {
    private final String context;
    private final Redactor redactor;
    private final Consumer<HttpTrace> sink;
    private final LongSupplier nanoTime;
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    public TraceInterceptor(String context, Redactor redactor, Consumer<HttpTrace> sink, LongSupplier nanoTime) {
        this.context = context;
        this.redactor = redactor;
        this.sink = sink;
        this.nanoTime = nanoTime;
    }

    public long calls() {
        return calls.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        calls.incrementAndGet();
        long start = nanoTime.getAsLong();
        String url = redactor.redact(request.url().toString());
        try {
            Response response = chain.proceed(request);
            sink.accept(new HttpTrace(context, request.method(), url, response.code(), elapsed(start), null));
            return response;
        } catch (IOException e) {
            sink.accept(new HttpTrace(context, request.method(), url, 0, elapsed(start),
                    redactor.redact(String.valueOf(e.getMessage()))));
            throw e;
        }
    }

    private long elapsed(long start) {
        return (nanoTime.getAsLong() - start) / 1_000_000;
    }
}
