package dev.amsh.ams;

import dev.amsh.ams.auth.AmsCredentials;
import dev.amsh.ams.auth.OAuthTokenProvider;
import dev.amsh.ams.auth.TokenProvider;
import dev.amsh.ams.http.ApiRoot;
import dev.amsh.ams.http.ClientStack;
import dev.amsh.ams.http.ClusterRedirectInterceptor;
import dev.amsh.ams.http.HttpTrace;
import dev.amsh.ams.http.RequestGate;
import dev.amsh.ams.http.RetryPolicy;
import dev.amsh.ams.http.TraceInterceptor;
import dev.amsh.redact.Redactor;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** Builds an {@link AmsClient}: API root, credentials, and the shared pieces (clock, redactor, trace sink). */
public final class AmsClientBuilder {
    private String apiRoot = "https://media.windows.net/api/";
    private AmsCredentials credentials;
    private TokenProvider tokenProvider;
    private OkHttpClient baseHttp;
    private Clock clock = Clock.systemUTC();
    private Redactor redactor = new Redactor();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Consumer<HttpTrace> traceSink = t -> { };
    private String contextName = "ams";
    private int pageSize = Query.SERVICE_PAGE_CAP;
    private RequestGate gate = new RequestGate();
    private TraceInterceptor trace;
    private Duration tryTimeout = DEFAULT_TRY_TIMEOUT;

    /**
     * How long one try of a REST call may wait for its answer. In an outage a hung call must give way to a
     * retry in seconds, not minutes; the few heavy calls (CreateFileInfos, job submission) get three times as long.
     */
    public static final Duration DEFAULT_TRY_TIMEOUT = Duration.ofSeconds(5);

    public AmsClientBuilder apiRoot(String apiRoot) {
        this.apiRoot = apiRoot;
        return this;
    }

    public AmsClientBuilder credentials(AmsCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /** Overrides how tokens are obtained (tests, or a token already at hand). */
    public AmsClientBuilder tokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
        return this;
    }

    public AmsClientBuilder httpClient(OkHttpClient baseHttp) {
        this.baseHttp = baseHttp;
        return this;
    }

    public AmsClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public AmsClientBuilder redactor(Redactor redactor) {
        this.redactor = redactor;
        return this;
    }

    public AmsClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return this;
    }

    public AmsClientBuilder traceSink(Consumer<HttpTrace> traceSink) {
        this.traceSink = traceSink;
        return this;
    }

    public AmsClientBuilder contextName(String contextName) {
        this.contextName = contextName;
        return this;
    }

    /** Page size for lists; the service caps it at 1,000, tests use less. */
    public AmsClientBuilder pageSize(int pageSize) {
        this.pageSize = Math.min(pageSize, Query.SERVICE_PAGE_CAP);
        return this;
    }

    /** Per-try timeout of REST calls (connect, write and read each). */
    public AmsClientBuilder tryTimeout(Duration tryTimeout) {
        this.tryTimeout = tryTimeout;
        return this;
    }

    /** The trace interceptor of the last built client: counts the REST calls made. */
    /** Flow control for every attempt of this client's calls (open unless a bulk operation sets limits). */
    public AmsClientBuilder gate(RequestGate gate) {
        this.gate = gate;
        return this;
    }

    public TraceInterceptor trace() {
        return trace;
    }

    public AmsClient build() {
        OkHttpClient base = baseHttp != null ? baseHttp : new OkHttpClient();
        ClientStack stack = ClientStack.on(base.newBuilder(), contextName, redactor, traceSink, retryPolicy, tryTimeout);
        trace = stack.trace();
        TokenProvider tokens = tokenProvider;
        if (tokens == null) {
            Objects.requireNonNull(credentials, "credentials");
            redactor.addSecret(credentials.secret());
            tokens = new OAuthTokenProvider(stack.forTokens(), credentials, clock);
        }
        ApiRoot root = new ApiRoot(apiRoot);
        OkHttpClient http = stack.forCalls(gate, tokens, new ClusterRedirectInterceptor(root));
        return new AmsClient(http, root, redactor, pageSize, contextName, tryTimeout.multipliedBy(3));
    }
}
