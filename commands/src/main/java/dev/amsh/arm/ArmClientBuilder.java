package dev.amsh.arm;

import dev.amsh.ams.AmsClientBuilder;
import dev.amsh.ams.auth.TokenProvider;
import dev.amsh.ams.http.ClientStack;
import dev.amsh.ams.http.HttpTrace;
import dev.amsh.ams.http.RequestGate;
import dev.amsh.ams.http.RetryPolicy;
import dev.amsh.ams.http.TraceInterceptor;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds an {@link ArmClient} on the v2 client's {@link ClientStack}: no transport resend, the retry rule, the gate,
 * the per-try timeout, the bearer with one renewal on 401, the trace through the one redactor. ARM is HTTPS only
 * (every SDK refuses a bearer over http): an http endpoint is refused here, before any call.
 */
public final class ArmClientBuilder {
    private ArmAccount account;
    private ArmCredentials credentials;
    private TokenProvider tokenProvider;
    private Path caFile;
    private OkHttpClient baseHttp;
    private Clock clock = Clock.systemUTC();
    private Redactor redactor = new Redactor();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Consumer<HttpTrace> traceSink = t -> { };
    private String contextName = "arm";
    private RequestGate gate = new RequestGate();
    private Duration tryTimeout = AmsClientBuilder.DEFAULT_TRY_TIMEOUT;
    private TraceInterceptor trace;

    public ArmClientBuilder account(ArmAccount account) {
        this.account = account;
        return this;
    }

    public ArmClientBuilder credentials(ArmCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /** Overrides how tokens are obtained (tests). */
    public ArmClientBuilder tokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
        return this;
    }

    /** A PEM file with a private CA to trust besides the system's. */
    public ArmClientBuilder caFile(Path caFile) {
        this.caFile = caFile;
        return this;
    }

    public ArmClientBuilder httpClient(OkHttpClient baseHttp) {
        this.baseHttp = baseHttp;
        return this;
    }

    public ArmClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public ArmClientBuilder redactor(Redactor redactor) {
        this.redactor = redactor;
        return this;
    }

    public ArmClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return this;
    }

    public ArmClientBuilder traceSink(Consumer<HttpTrace> traceSink) {
        this.traceSink = traceSink;
        return this;
    }

    public ArmClientBuilder contextName(String contextName) {
        this.contextName = contextName;
        return this;
    }

    public ArmClientBuilder gate(RequestGate gate) {
        this.gate = gate;
        return this;
    }

    public ArmClientBuilder tryTimeout(Duration tryTimeout) {
        this.tryTimeout = tryTimeout;
        return this;
    }

    /** The trace of the last built client: counts its calls. */
    public TraceInterceptor trace() {
        return trace;
    }

    /** Refuses an ARM endpoint that is no https URL, in one line naming the context. */
    public static void requireHttps(String context, String endpoint) {
        HttpUrl u = endpoint == null ? null : HttpUrl.parse(endpoint);
        if (u == null) {
            throw new AmshException("context " + context + ": ARM endpoint '" + endpoint + "' is not a URL",
                    "give --arm-endpoint https://HOST[:PORT]/");
        }
        if (!u.isHttps()) {
            throw new AmshException("context " + context + ": ARM endpoint " + endpoint + " is http; ARM needs https",
                    "a bearer token never goes over http: give the https:// endpoint (and --ca-file PEM for a private CA)");
        }
    }

    public ArmClient build() {
        Objects.requireNonNull(account, "account");
        requireHttps(contextName, account.endpoint());
        OkHttpClient.Builder base = (baseHttp != null ? baseHttp : new OkHttpClient()).newBuilder();
        if (caFile != null) {
            ArmTls tls = ArmTls.withCaFile(contextName, caFile);
            base.sslSocketFactory(tls.socketFactory(), tls.trustManager());
        }
        ClientStack stack = ClientStack.on(base, contextName, redactor, traceSink, retryPolicy, tryTimeout);
        trace = stack.trace();
        TokenProvider tokens = tokenProvider;
        if (tokens == null) {
            Objects.requireNonNull(credentials, "credentials");
            redactor.addSecret(credentials.secret());
            tokens = new ArmTokenProvider(stack.forTokens(), credentials, clock, contextName);
        }
        OkHttpClient http = stack.forCalls(gate, tokens);
        return new ArmClient(http, account, redactor, contextName, retryPolicy.sleeper(), clock);
    }
}
