package dev.amsh.ams.http;

import dev.amsh.ams.auth.AccessToken;
import dev.amsh.ams.auth.TokenProvider;
import dev.amsh.redact.Redactor;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The one HTTP stack under the v2 and the ARM clients: no transport resend, and the interceptors in their order. */
class ClientStackTest {
    static final Duration TRY = Duration.ofSeconds(2);
    final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5, d -> { });
    final List<HttpTrace> traced = new ArrayList<>();
    final TokenProvider tokens = new TokenProvider() {
        public AccessToken token() {
            return new AccessToken("jwt", Instant.MAX);
        }

        public void invalidate() {
        }
    };
    MockWebServer server;
    ClientStack stack;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        stack = ClientStack.on(new OkHttpClient().newBuilder(), "a", new Redactor(), traced::add, policy, TRY);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    static void assertNoTransportResend(OkHttpClient c) {
        assertFalse(c.retryOnConnectionFailure(), "the transport never resends");
        assertFalse(c.followRedirects());
        assertFalse(c.followSslRedirects());
        assertEquals(TRY.toMillis(), c.connectTimeoutMillis());
        assertEquals(TRY.toMillis(), c.readTimeoutMillis());
        assertEquals(TRY.toMillis(), c.writeTimeoutMillis());
    }

    static List<Class<?>> classes(List<Interceptor> interceptors) {
        return interceptors.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void callsAndTokenRequestsStandOnATransportThatNeverResends() {
        Interceptor api = chain -> chain.proceed(chain.request());
        OkHttpClient calls = stack.forCalls(new RequestGate(), tokens, api);
        assertNoTransportResend(calls);
        assertNoTransportResend(stack.forTokens());
        assertEquals(List.of(RetryInterceptor.class, RequestGate.class, TryTimeoutInterceptor.class, AuthInterceptor.class,
                api.getClass()), classes(calls.interceptors()), "retry outermost, then gate, per-try timeout, bearer, the API's own");
        assertEquals(List.of(RetryInterceptor.class, TryTimeoutInterceptor.class), classes(stack.forTokens().interceptors()),
                "a token request is neither gated nor signed");
        assertEquals(List.of(stack.trace()), calls.networkInterceptors(), "every try is traced");
    }

    Request post(boolean idempotent) {
        Request.Builder b = new Request.Builder().url(server.url("/api/Assets"))
                .post(RequestBody.create("{\"Name\":\"once\"}", MediaType.get("application/json")));
        if (idempotent) {
            b.tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES);
        }
        return b.build();
    }

    @Test
    void aPostWhoseAnswerIsLostIsSentOnce() throws Exception {
        OkHttpClient calls = stack.forCalls(new RequestGate(), tokens);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(201));
        assertThrows(IOException.class, () -> calls.newCall(post(false)).execute().close());
        assertEquals(1, server.getRequestCount(), "a create whose answer was lost is not sent again");
        assertEquals("Bearer jwt", server.takeRequest().getHeader("Authorization"));
        assertEquals(1, traced.size());
    }

    @Test
    void aPostTaggedSafeToRepeatIsSentAgainByTheRule() throws Exception {
        OkHttpClient calls = stack.forCalls(new RequestGate(), tokens);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(201));
        try (Response r = calls.newCall(post(true)).execute()) {
            assertEquals(201, r.code());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(2, traced.size(), "each try is in the trace");
    }
}
