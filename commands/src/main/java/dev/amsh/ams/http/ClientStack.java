package dev.amsh.ams.http;

import dev.amsh.ams.auth.TokenProvider;
import dev.amsh.redact.Redactor;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The HTTP stack every Media Services client stands on, v2 REST and ARM alike. Underneath, the transport never
 * resends (no redirects followed, no retry on a failed connection: a create whose answer was lost must not be
 * sent again unseen), each try has its timeout, and every exchange goes through the trace and its redactor. On
 * top, in this order: the retry rule (which resends only what cannot double anything), the gate, the per-try
 * timeout, the bearer (renewed once on a 401), then what the API adds (v2's cluster redirect).
 */
public final class ClientStack {
    private final OkHttpClient plain;
    private final RetryPolicy retryPolicy;
    private final TryTimeoutInterceptor perTry;
    private final TraceInterceptor trace;

    private ClientStack(OkHttpClient plain, RetryPolicy retryPolicy, TryTimeoutInterceptor perTry, TraceInterceptor trace) {
        this.plain = plain;
        this.retryPolicy = retryPolicy;
        this.perTry = perTry;
        this.trace = trace;
    }

    /** The stack on {@code base} (a client's TLS settings stay), traced as {@code contextName}. */
    public static ClientStack on(OkHttpClient.Builder base, String contextName, Redactor redactor,
                                 Consumer<HttpTrace> traceSink, RetryPolicy retryPolicy, Duration tryTimeout) {
        TraceInterceptor trace = new TraceInterceptor(contextName, redactor, traceSink, System::nanoTime);
        OkHttpClient plain = base.followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
                .connectTimeout(tryTimeout).readTimeout(tryTimeout).writeTimeout(tryTimeout)
                .addNetworkInterceptor(trace).build();
        return new ClientStack(plain, retryPolicy, TryTimeoutInterceptor.tagged(tryTimeout), trace);
    }

    /** For token requests: retried by the rule and timed per try, but neither gated nor signed. */
    public OkHttpClient forTokens() {
        return plain.newBuilder().addInterceptor(new RetryInterceptor(retryPolicy)).addInterceptor(perTry).build();
    }

    /** For the API's calls: the whole stack, with {@code apiInterceptors} innermost. */
    public OkHttpClient forCalls(RequestGate gate, TokenProvider tokens, Interceptor... apiInterceptors) {
        OkHttpClient.Builder b = plain.newBuilder()
                .addInterceptor(new RetryInterceptor(retryPolicy))
                .addInterceptor(gate)
                .addInterceptor(perTry)
                .addInterceptor(new AuthInterceptor(tokens));
        for (Interceptor i : apiInterceptors) {
            b.addInterceptor(i);
        }
        return b.build();
    }

    /** Counts the calls made through this stack. */
    public TraceInterceptor trace() {
        return trace;
    }
}
