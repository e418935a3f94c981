package dev.amsh.context;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.ams.http.TraceInterceptor;
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
        // storage calls: a server-side copy of up to 256 MiB answers only when done, hence the longer read timeout;
        // no transport-level resend (the storage pipeline and the REST client each decide their own retries)
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60)).writeTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false)
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
        return http.newBuilder().addNetworkInterceptor(new TraceInterceptor(context + "/storage", redactor,
                traceSink, System::nanoTime)).build();
    }
}
