package dev.amsh.context;

import dev.amsh.ams.http.Hedge;
import dev.amsh.ams.http.HedgingInterceptor;
import dev.amsh.ams.http.HttpTrace;
import dev.amsh.ams.http.TraceInterceptor;
import dev.amsh.ams.http.TryTimeoutInterceptor;
import dev.amsh.redact.Redactor;
import dev.amsh.ams.http.RequestGate;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** What every context shares: one HTTP connection pool, the clock, the redactor, the trace sink, the environment. */
public record ContextEnvironment(OkHttpClient http, Clock clock, Redactor redactor, Consumer<HttpTrace> traceSink,
                                 Map<String, String> env) {

    public static ContextEnvironment create(Redactor redactor, Consumer<HttpTrace> traceSink, Map<String, String> env) {
        // no transport-level resend: the storage pipeline and the REST client each decide their own retries
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10)).writeTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .addInterceptor(new TryTimeoutInterceptor(ContextEnvironment::storageTryTimeout))
                .dispatcher(dispatcher()).build();
        return new ContextEnvironment(http, Clock.systemUTC(), redactor, traceSink, env);
    }

    private static okhttp3.Dispatcher dispatcher() {
        okhttp3.Dispatcher d = new okhttp3.Dispatcher();
        d.setMaxRequests(128);
        d.setMaxRequestsPerHost(64);
        return d;
    }

    /**
     * How long one storage call may wait for its answer: 10 s; a server-side copy answers only when done, so it
     * gets 5 s plus a second per 20 MB of its block (Put Block From URL names its range), or 20 s for a whole blob
     * (at most 32 MiB by the copy engine's rule). The storage pipeline retries a try that overruns it.
     */
    static Duration storageTryTimeout(okhttp3.Request r) {
        if (r.header("x-ms-copy-source") == null) {
            return Duration.ofSeconds(10);
        }
        String range = r.header("x-ms-source-range");
        java.util.regex.Matcher m = range == null ? null : java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(range);
        if (m != null && m.matches()) {
            long bytes = Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1;
            return Duration.ofSeconds(5).plusMillis(bytes / 20_000);
        }
        return Duration.ofSeconds(20);
    }

    /** The shared client for storage calls of the named context, with no flow control. */
    public OkHttpClient httpWithTrace(String context) {
        return httpWithTrace(context, new RequestGate());
    }

    /**
     * The shared client for storage calls of the named context: traced, passing {@code gate} once per attempt
     * (before the per-try timeout starts, so waiting for a slot is not a timeout), and hedging its reads.
     */
    public OkHttpClient httpWithTrace(String context, RequestGate gate) {
        TraceInterceptor trace = new TraceInterceptor(context + "/storage", redactor, traceSink, System::nanoTime);
        OkHttpClient.Builder inner = http.newBuilder().addNetworkInterceptor(trace);
        inner.interceptors().add(0, gate);
        OkHttpClient gated = inner.build();
        // a storage read that hangs is asked again after a second, instead of waiting out its timeout; the read
        // and its hedge each pass the gate inside, so the hedging interceptor comes before it
        OkHttpClient.Builder outer = http.newBuilder().addNetworkInterceptor(trace);
        outer.interceptors().add(0, gate);
        outer.interceptors().add(0, new HedgingInterceptor(gated, Hedge.DEFAULT_AFTER));
        return outer.build();
    }
}
