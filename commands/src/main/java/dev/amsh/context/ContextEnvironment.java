package dev.amsh.context;

import dev.amsh.ams.http.HedgingInterceptor;
import dev.amsh.ams.http.HttpTrace;
import dev.amsh.ams.http.TraceInterceptor;
import dev.amsh.ams.http.TryTimeoutInterceptor;
import dev.amsh.redact.Redactor;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** What every context shares: one HTTP connection pool, the clock, the redactor, the trace sink, the environment. */
public record ContextEnvironment(OkHttpClient http, Clock clock, Redactor redactor, Consumer<HttpTrace> traceSink,
                                 Map<String, String> env) {

    public static ContextEnvironment create(Redactor redactor, Consumer<HttpTrace> traceSink, Map<String, String> env) {
        // storage calls get 10 s a try, server-side copies (a block or a blob of at most 32 MiB, answered only when
        // done) 30 s; no transport-level resend: the storage pipeline and the REST client each decide their own retries
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10)).writeTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .addInterceptor(new TryTimeoutInterceptor(r -> r.header("x-ms-copy-source") != null
                        ? Duration.ofSeconds(30) : Duration.ofSeconds(10)))
                .dispatcher(dispatcher()).build();
        return new ContextEnvironment(http, Clock.systemUTC(), redactor, traceSink, env);
    }

    private static okhttp3.Dispatcher dispatcher() {
        okhttp3.Dispatcher d = new okhttp3.Dispatcher();
        d.setMaxRequests(128);
        d.setMaxRequestsPerHost(64);
        return d;
    }

    /** The shared client with a trace interceptor for storage calls of the named context. */
    public OkHttpClient httpWithTrace(String context) {
        OkHttpClient traced = http.newBuilder().addNetworkInterceptor(new TraceInterceptor(context + "/storage", redactor,
                traceSink, System::nanoTime)).build();
        // a storage read that hangs is asked again after a second, instead of waiting out its timeout
        return traced.newBuilder().addInterceptor(new HedgingInterceptor(traced, HEDGE_AFTER)).build();
    }

    /** When an unanswered read is sent a second time (see {@link dev.amsh.ams.http.Hedge}). */
    public static final Duration HEDGE_AFTER = Duration.ofSeconds(1);
}
