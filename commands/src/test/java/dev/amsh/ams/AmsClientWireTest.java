package dev.amsh.ams;

import dev.amsh.ams.auth.AmsCredentials;
import dev.amsh.ams.http.HttpTrace;
import dev.amsh.ams.http.RetryPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The REST client's wire shape and fault handling, asserted request by request against mockwebserver. */
class AmsClientWireTest {
    static final String KEY = "s3cr3t+Key/Value==";
    static final String ASSET_ID = "nb:cid:UUID:9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a01";
    static final String LOCATOR_ID = "nb:lid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b";
    static final String POLICY_ID = "nb:pid:UUID:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    MockWebServer server;
    MutableClock clock;
    List<Duration> sleeps;
    List<HttpTrace> traces;
    Redactor redactor;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        sleeps = new ArrayList<>();
        traces = new CopyOnWriteArrayList<>();
        redactor = new Redactor();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    AmsClientBuilder builder() {
        return new AmsClientBuilder()
                .apiRoot(server.url("/api/").toString())
                .credentials(new AmsCredentials.Acs("acct", KEY, server.url("/v2/OAuth2-13").toString(), null))
                .clock(clock).redactor(redactor).traceSink(traces::add)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.5,
                        sleeps::add));
    }

    static MockResponse token(String value, int expiresIn) {
        return new MockResponse().setBody("{\"token_type\":\"http://schemas.xmlsoap.org/ws/2009/11/swt-token-profile-1.0\","
                + "\"access_token\":\"" + value + "\",\"expires_in\":\"" + expiresIn + "\",\"scope\":\"urn:WindowsAzureMediaServices\"}");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json;odata=verbose")
                .setBody(body);
    }

    static String verboseAsset(String id, String name) {
        return "{\"__metadata\":{\"id\":\"x\",\"uri\":\"x\",\"type\":\"Microsoft.Cloud.Media.Vod.Rest.Data.Models.Asset\"},"
                + "\"Id\":\"" + id + "\",\"State\":0,\"Created\":\"\\/Date(1337049393000)\\/\","
                + "\"LastModified\":\"\\/Date(1337049393000)\\/\",\"AlternateId\":null,\"Name\":\"" + name + "\","
                + "\"Options\":0,\"Uri\":\"https://store.blob.core.windows.net/asset-" + id.substring(12) + "\","
                + "\"StorageAccountName\":\"store\"}";
    }

    @Test
    void acsTokenRequestAndEveryRequiredHeader() throws Exception {
        server.enqueue(token("tok-1", 21600));
        server.enqueue(json(200, "{\"d\":{\"results\":[" + verboseAsset(ASSET_ID, "movie") + "]}}"));
        AmsClient client = builder().build();

        List<Asset> assets = client.listAssets(Query.all()).toList();

        RecordedRequest tokenRequest = server.takeRequest();
        assertEquals("POST", tokenRequest.getMethod());
        assertEquals("/v2/OAuth2-13", tokenRequest.getPath());
        assertTrue(tokenRequest.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        String form = tokenRequest.getBody().readUtf8();
        assertTrue(form.contains("grant_type=client_credentials"), form);
        assertTrue(form.contains("client_id=acct"), form);
        assertEquals(KEY, URLDecoder.decode(form.replaceAll(".*client_secret=([^&]*).*", "$1"), StandardCharsets.UTF_8));
        assertTrue(form.contains("scope=urn%3AWindowsAzureMediaServices"), form);

        RecordedRequest list = server.takeRequest();
        assertEquals("GET", list.getMethod());
        assertEquals("/api/Assets?%24top=1000", list.getPath());
        assertEquals("Bearer tok-1", list.getHeader("Authorization"));
        assertEquals("2.19", list.getHeader("x-ms-version"));
        assertEquals("3.0", list.getHeader("DataServiceVersion"));
        assertEquals("3.0", list.getHeader("MaxDataServiceVersion"));
        assertEquals("application/json;odata=verbose", list.getHeader("Accept"));

        assertEquals(1, assets.size());
        assertEquals("movie", assets.get(0).name());
        assertEquals(Instant.ofEpochMilli(1337049393000L), assets.get(0).created());
        assertEquals("asset-9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a01", assets.get(0).containerName());
    }

    @Test
    void aadTokenRequestShape() throws Exception {
        server.enqueue(token("jwt", 3600));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        AmsClient client = builder().credentials(new AmsCredentials.Aad("contoso.onmicrosoft.com", "app-id",
                "app-secret-123", server.url("/contoso.onmicrosoft.com/oauth2/token").toString(), null)).build();
        client.listAssets(Query.all()).toList();
        RecordedRequest t = server.takeRequest();
        assertEquals("/contoso.onmicrosoft.com/oauth2/token", t.getPath());
        String form = t.getBody().readUtf8();
        assertTrue(form.contains("client_id=app-id"));
        assertTrue(form.contains("client_secret=app-secret-123"));
        assertTrue(form.contains("resource=https%3A%2F%2Frest.media.azure.net"), form);
        assertEquals("Bearer jwt", server.takeRequest().getHeader("Authorization"));
    }

    @Test
    void jsonLightCollectionsAndIsoDatesParse() {
        server.enqueue(token("t", 3600));
        server.enqueue(json(200, "{\"odata.metadata\":\"" + server.url("/api/") + "$metadata#Locators\",\"value\":[{"
                + "\"Id\":\"" + LOCATOR_ID + "\",\"Type\":2,\"AssetId\":\"" + ASSET_ID + "\",\"AccessPolicyId\":\""
                + POLICY_ID + "\",\"StartTime\":\"2026-11-25T09:50:00Z\",\"ExpirationDateTime\":\"2027-03-05T09:50:00\","
                + "\"Path\":\"http://acct.streaming.mediaservices.windows.net/1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b/\"}]}"));
        Locator l = builder().build().listLocators(Query.all()).toList().get(0);
        assertEquals("OnDemandOrigin", l.type());
        assertEquals(Instant.parse("2026-11-25T09:50:00Z"), l.startTime());
        assertEquals(Instant.parse("2027-03-05T09:50:00Z"), l.expirationDateTime());
        assertEquals("1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b", l.guid());
    }

    @Test
    void redirectFromGlobalRootIsFollowedByHandWithVerbAndBodyAndRemembered() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setResponseCode(301)
                .setHeader("Location", server.url("/cluster/api/").toString()).setBody("<html>Object moved</html>"));
        server.enqueue(json(201, "{\"d\":{\"Id\":\"" + LOCATOR_ID + "\",\"Type\":2,\"Path\":\"http://x/1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b/\"}}"));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        AmsClient client = builder().build();

        Locator created = client.createLocator(new LocatorRequest("1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b", ASSET_ID,
                POLICY_ID, Locator.ON_DEMAND_ORIGIN, Instant.parse("2026-11-25T09:50:00Z"), null));
        client.listAssets(Query.all()).toList();

        server.takeRequest();
        RecordedRequest first = server.takeRequest();
        assertEquals("/api/Locators", first.getPath());
        String body = first.getBody().readUtf8();
        RecordedRequest second = server.takeRequest();
        assertEquals("POST", second.getMethod());
        assertEquals("/cluster/api/Locators", second.getPath());
        assertEquals(body, second.getBody().readUtf8(), "the body is re-sent unchanged");
        assertTrue(body.contains("\"Id\":\"" + LOCATOR_ID + "\""), body);
        assertTrue(body.contains("\"Type\":\"2\""), body);
        assertTrue(body.contains("\"StartTime\":\"2026-11-25T09:50:00Z\""), body);
        assertEquals("application/json;odata=verbose; charset=utf-8", second.getHeader("Content-Type"));
        assertEquals("Bearer t", second.getHeader("Authorization"));
        assertEquals(LOCATOR_ID, created.id());

        assertEquals("/cluster/api/Assets?%24top=1000", server.takeRequest().getPath(), "cluster root remembered");
        assertTrue(client.apiRoot().redirected());
    }

    @Test
    void aLocationNamingTheResourceStillGivesTheClusterRoot() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setResponseCode(301)
                .setHeader("Location", server.url("/cluster/api/Assets").toString()));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        AmsClient client = builder().build();
        client.listAssets(Query.all()).toList();
        client.listLocators(Query.all()).toList();
        server.takeRequest();
        server.takeRequest();
        assertEquals("/cluster/api/Assets?%24top=1000", server.takeRequest().getPath());
        assertEquals("/cluster/api/Locators?%24top=1000", server.takeRequest().getPath());
        assertEquals(server.url("/cluster/api/"), client.apiRoot().current());
    }

    @Test
    void pagesPastTheThousandCapWithSkipAndTop() throws Exception {
        server.enqueue(token("t", 21600));
        StringBuilder page = new StringBuilder("{\"d\":{\"results\":[");
        for (int i = 0; i < 3; i++) {
            page.append(i == 0 ? "" : ",").append(verboseAsset(
                    "nb:cid:UUID:00000000-0000-0000-0000-00000000000" + i, "a" + i));
        }
        page.append("]}}");
        server.enqueue(json(200, page.toString()));
        server.enqueue(json(200, page.toString()));
        server.enqueue(json(200, "{\"d\":{\"results\":[" + verboseAsset(ASSET_ID, "last") + "]}}"));
        AmsClient client = builder().pageSize(3).build();

        List<Asset> all = client.listAssets(Query.filter("startswith(Name,'a')")).toList();

        assertEquals(7, all.size());
        server.takeRequest();
        assertEquals("/api/Assets?%24filter=startswith%28Name%2C%27a%27%29&%24top=3", server.takeRequest().getPath());
        assertEquals("/api/Assets?%24filter=startswith%28Name%2C%27a%27%29&%24skip=3&%24top=3", server.takeRequest().getPath());
        assertEquals("/api/Assets?%24filter=startswith%28Name%2C%27a%27%29&%24skip=6&%24top=3", server.takeRequest().getPath());
        assertNull(server.takeRequest(100, TimeUnit.MILLISECONDS), "a short page ends the listing");
    }

    @Test
    void topLimitsTheOverallCount() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(json(200, "{\"d\":{\"results\":[" + verboseAsset(ASSET_ID, "x") + "," + verboseAsset(ASSET_ID, "y") + "]}}"));
        AmsClient client = builder().pageSize(1000).build();
        assertEquals(2, client.listAssets(Query.all().top(2)).toList().size());
        server.takeRequest();
        assertEquals("/api/Assets?%24top=2", server.takeRequest().getPath());
        assertNull(server.takeRequest(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void tokenIsCachedAndRefreshedBeforeExpiry() throws Exception {
        server.enqueue(token("first", 3600));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        server.enqueue(token("second", 3600));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        AmsClient client = builder().build();

        client.listAssets(Query.all()).toList();
        clock.advance(Duration.ofMinutes(30));
        client.listAssets(Query.all()).toList();
        clock.advance(Duration.ofMinutes(26)); // 4 minutes before expiry: inside the refresh margin
        client.listAssets(Query.all()).toList();

        assertEquals("/v2/OAuth2-13", server.takeRequest().getPath());
        assertEquals("Bearer first", server.takeRequest().getHeader("Authorization"));
        assertEquals("Bearer first", server.takeRequest().getHeader("Authorization"));
        assertEquals("/v2/OAuth2-13", server.takeRequest().getPath());
        assertEquals("Bearer second", server.takeRequest().getHeader("Authorization"));
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetries() throws Exception {
        server.enqueue(token("stale", 21600));
        server.enqueue(json(401, "{\"odata.error\":{\"code\":\"\",\"message\":{\"lang\":\"en-US\",\"value\":\"expired\"}}}"));
        server.enqueue(token("fresh", 21600));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        builder().build().listAssets(Query.all()).toList();
        server.takeRequest();
        assertEquals("Bearer stale", server.takeRequest().getHeader("Authorization"));
        server.takeRequest();
        assertEquals("Bearer fresh", server.takeRequest().getHeader("Authorization"));
    }

    @Test
    void persistent401BecomesAnAuthenticationMessage() {
        server.enqueue(token("t", 21600));
        server.enqueue(json(401, "{}"));
        server.enqueue(token("t2", 21600));
        server.enqueue(json(401, "{}"));
        AmsServiceException e = assertThrows(AmsServiceException.class,
                () -> builder().build().listAssets(Query.all()).toList());
        assertEquals(401, e.status());
        assertTrue(e.hint().contains("account name and key"), e.hint());
    }

    @Test
    void wrongKeyAtTheTokenEndpointSaysWhatToCheck() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"invalid_client\"}"));
        AmshException e = assertThrows(AmshException.class, () -> builder().build().listAssets(Query.all()).toList());
        assertTrue(e.oneLine().contains("sign-in refused"), e.oneLine());
        assertTrue(e.oneLine().contains("account name and key"), e.oneLine());
        assertFalse(e.oneLine().contains(KEY));
    }

    @Test
    void errorBodiesBecomeTypedExceptionsWithStatusCodeAndMessage() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(json(409, "{\"odata.error\":{\"code\":\"\",\"message\":{\"lang\":\"en-US\",\"value\":\"Locator Id already exists\"}}}"));
        server.enqueue(json(200, "{\"d\":{\"Id\":\"" + LOCATOR_ID + "\",\"Type\":2,\"AssetId\":\"nb:cid:UUID:00000000-0000-0000-0000-000000000001\",\"AccessPolicyId\":\"" + POLICY_ID + "\"}}"));
        server.enqueue(json(404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"Resource Assets not found\"}}}"));
        server.enqueue(json(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":{\"lang\":\"en-US\",\"value\":\"Account disabled\"}}}"));
        AmsClient client = builder().build();

        AmsServiceException conflict = assertThrows(AmsServiceException.class, () -> client.createLocator(
                new LocatorRequest(LOCATOR_ID, ASSET_ID, POLICY_ID, 2, null, null)));
        assertEquals(409, conflict.status());
        assertTrue(conflict.getMessage().contains("Locator Id already exists"), conflict.getMessage());
        assertTrue(conflict.hint().contains("5 locators"), conflict.hint());
        assertTrue(server.takeRequest().getPath().startsWith("/v2/"));
        assertEquals("POST", server.takeRequest().getMethod());
        assertEquals("/api/Locators('" + LOCATOR_ID + "')", server.takeRequest().getPath(),
                "a 409 on a chosen Id looks the locator up: another asset's locator is a real conflict");

        AmsServiceException missing = assertThrows(AmsServiceException.class, () -> client.getAsset(ASSET_ID));
        assertEquals(404, missing.status());
        assertEquals("ResourceNotFound", missing.code());
        assertTrue(missing.isNotFound());

        AmsServiceException forbidden = assertThrows(AmsServiceException.class, () -> client.deleteAsset(ASSET_ID));
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.hint().contains("enabled"));
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfter() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(json(503, "{\"odata.error\":{\"code\":\"\",\"message\":{\"value\":\"Server is busy.\"}}}").setHeader("Retry-After", "2"));
        server.enqueue(json(429, "{}"));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        builder().build().listAssets(Query.all()).toList();
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofMillis(150)), sleeps,
                "Retry-After first, then jittered backoff (base 100 ms * 2^1 * (0.5 + 0.5 * 0.5))");
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void throttlingGivesUpAfterMaxAttempts() {
        server.enqueue(token("t", 21600));
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, "{}"));
        }
        AmsServiceException e = assertThrows(AmsServiceException.class,
                () -> builder().build().listAssets(Query.all()).toList());
        assertEquals(503, e.status());
        assertEquals(3, sleeps.size());
    }

    @Test
    void aPostThatMayHaveBeenAppliedIsNotRepeatedAfterATimeout() {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        AmsClient client = builder().tryTimeout(Duration.ofMillis(300)).build();
        assertThrows(AmshException.class, () -> client.createAsset("once", 0, null));
        assertEquals(2, server.getRequestCount(), "token + one POST, not repeated");
    }

    @Test
    void aLocatorPostWithItsOwnIdIsRepeatedAfterATimeout() {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(json(201, "{\"d\":{\"Id\":\"" + LOCATOR_ID + "\",\"Type\":2}}"));
        AmsClient client = builder().tryTimeout(Duration.ofMillis(300)).build();
        Locator l = client.createLocator(new LocatorRequest(LOCATOR_ID, ASSET_ID, POLICY_ID, 2, null, null));
        assertEquals(LOCATOR_ID, l.id());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aRepeatThatMeetsItsOwnLocatorIsASuccess() {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(json(409, "{\"odata.error\":{\"code\":\"\",\"message\":{\"value\":\"already exists\"}}}"));
        server.enqueue(json(200, "{\"d\":{\"Id\":\"" + LOCATOR_ID + "\",\"Type\":2,\"AssetId\":\"" + ASSET_ID
                + "\",\"AccessPolicyId\":\"" + POLICY_ID + "\"}}"));
        AmsClient client = builder().tryTimeout(Duration.ofMillis(300)).build();
        Locator l = client.createLocator(new LocatorRequest(LOCATOR_ID, ASSET_ID, POLICY_ID, 2, null, null));
        assertEquals(LOCATOR_ID, l.id());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void aLostAnswerToAPostIsNeverResentByTheTransport() {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(201, "{\"d\":" + verboseAsset(ASSET_ID, "twice") + "}"));
        AmsClient client = builder().build();
        dev.amsh.error.AmsTransportException e = assertThrows(dev.amsh.error.AmsTransportException.class,
                () -> client.createAsset("once", 0, null));
        assertTrue(e.mayHaveApplied(), "the request was sent: its outcome is unknown");
        assertEquals(2, server.getRequestCount(), "token + one POST: the reset is not followed by a silent resend");
    }

    @Test
    void idempotentCallsAndTokenRequestsAreRetriedOn5xxAndResets() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(token("t", 21600));
        server.enqueue(json(500, "{}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        assertEquals(List.of(), builder().build().listAssets(Query.all()).toList());
        assertEquals(6, server.getRequestCount(), "two lost token answers and two lost GET answers, each asked again");
        assertEquals(4, sleeps.size());
    }

    @Test
    void aPlainPostIsNotRetriedOnA500ButIsOnThrottling() {
        server.enqueue(token("t", 21600));
        server.enqueue(json(500, "{}"));
        AmsServiceException e = assertThrows(AmsServiceException.class,
                () -> builder().build().createAsset("once", 0, null));
        assertEquals(500, e.status());
        assertEquals(2, server.getRequestCount(), "a 500 may come after the asset was made: the operation looks it up");
    }

    @Test
    void aDeleteThatFindsNothingAfterALostAnswerIsDone() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(404, "{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"value\":\"gone\"}}}"));
        server.enqueue(json(404, "{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"value\":\"gone\"}}}"));
        AmsClient client = builder().build();
        client.deleteLocator(LOCATOR_ID);
        assertEquals(3, server.getRequestCount());
        AmsServiceException plain = assertThrows(AmsServiceException.class, () -> client.deleteLocator(LOCATOR_ID),
                "a 404 on a first attempt is a real 404: the Id was wrong");
        assertEquals(404, plain.status());
    }

    @Test
    void aHungAnswerGivesWayToARetryWithinTheTryTimeout() {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        long start = System.nanoTime();
        builder().tryTimeout(Duration.ofMillis(400)).build().listAssets(Query.all()).toList();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, server.getRequestCount());
        assertTrue(ms < 5_000, "waited " + ms + " ms");
    }

    @Test
    void aHungReadIsAskedAgainAfterASecondAndTheFirstAnswerWins() {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(json(200, "{\"d\":{\"results\":[" + verboseAsset(ASSET_ID, "hedged") + "]}}"));
        long start = System.nanoTime();
        List<Asset> assets = builder().build().listAssets(Query.all()).toList(); // a 5 s try timeout, not waited out
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("hedged", assets.get(0).name(), "the hedge's answer, body and all");
        assertTrue(ms >= 900 && ms < 4_000, "answered after the hedge delay, not the try timeout: " + ms + " ms");
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aFunctionCalledWithGetIsNeverHedged() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setResponseCode(204).setHeadersDelay(1500, java.util.concurrent.TimeUnit.MILLISECONDS));
        builder().build().cancelJob("nb:jid:UUID:00000000-0000-0000-0000-00000000000a");
        assertEquals(2, server.getRequestCount(), "CancelJob sent once, though it took longer than the hedge delay");
    }

    @Test
    void createFileInfosQueryShape() throws Exception {
        server.enqueue(token("t", 21600));
        server.enqueue(new MockResponse().setResponseCode(204));
        builder().build().createFileInfos("9E0A6F2F-5D0C-4B40-9B39-5D3F1C1B8A01");
        server.takeRequest();
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        // OkHttp always percent-encodes the quotes; the service decodes the query either way
        assertEquals("/api/CreateFileInfos?assetid=%27nb%3Acid%3AUUID%3A9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a01%27", r.getPath());
        assertEquals("'nb:cid:UUID:9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a01'", r.getRequestUrl().queryParameter("assetid"));
    }

    @Test
    void createAssetPolicyJobMergeAndDeleteShapes() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getPath().startsWith("/v2/")) {
                    return token("t", 21600);
                }
                return switch (r.getMethod()) {
                    case "POST" -> json(201, "{\"d\":{\"Id\":\"nb:cid:UUID:9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a01\"}}");
                    default -> new MockResponse().setResponseCode(204);
                };
            }
        });
        AmsClient client = builder().build();
        client.createAsset("movie", 0, null);
        client.createAccessPolicy("p", 43200, 1);
        client.createJob("job", ASSET_ID, "nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56", "Adaptive Streaming", "out");
        client.updateFile("nb:cid:UUID:9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a02", java.util.Map.of("IsPrimary", true));
        client.deleteLocator("1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b");
        client.cancelJob("nb:jid:UUID:9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a03");

        server.takeRequest();
        RecordedRequest asset = server.takeRequest();
        assertEquals("/api/Assets", asset.getPath());
        assertEquals("{\"Name\":\"movie\",\"Options\":\"0\"}", asset.getBody().readUtf8());
        RecordedRequest policy = server.takeRequest();
        assertEquals("{\"Name\":\"p\",\"DurationInMinutes\":\"43200.0\",\"Permissions\":\"1\"}", policy.getBody().readUtf8());
        RecordedRequest job = server.takeRequest();
        String jobBody = job.getBody().readUtf8();
        assertEquals("/api/Jobs", job.getPath());
        assertTrue(jobBody.contains("\"InputMediaAssets\":[{\"__metadata\":{\"uri\":\"" + server.url("/api/")
                + "Assets('" + ASSET_ID + "')\"}}]"), jobBody);
        assertTrue(jobBody.contains("JobInputAsset(0)") && jobBody.contains("assetName=\\\"out\\\""), jobBody);
        assertEquals("application/json;odata=verbose; charset=utf-8", job.getHeader("Content-Type"));
        RecordedRequest merge = server.takeRequest();
        assertEquals("MERGE", merge.getMethod());
        assertEquals("/api/Files('nb:cid:UUID:9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a02')", merge.getPath());
        assertEquals("{\"IsPrimary\":true}", merge.getBody().readUtf8());
        RecordedRequest delete = server.takeRequest();
        assertEquals("DELETE", delete.getMethod());
        assertEquals("/api/Locators('" + LOCATOR_ID + "')", delete.getPath());
        RecordedRequest cancel = server.takeRequest();
        assertEquals("'nb:jid:UUID:9e0a6f2f-5d0c-4b40-9b39-5d3f1c1b8a03'", cancel.getRequestUrl().queryParameter("jobid"));
        assertTrue(cancel.getPath().startsWith("/api/CancelJob?jobid="));
    }

    @Test
    void traceShowsEveryCallWithSecretsMasked() {
        server.enqueue(token("tok-abcdef", 21600));
        server.enqueue(json(200, "{\"d\":{\"results\":[]}}"));
        AmsClient client = builder().build();
        client.listAssets(Query.filter("Name eq 'x?sig=abcdef1234'")).toList();
        assertEquals(2, traces.size());
        for (HttpTrace t : traces) {
            assertFalse(t.line().contains(KEY));
            assertFalse(t.line().contains("tok-abcdef"));
        }
        assertEquals("POST", traces.get(0).method());
        assertEquals(200, traces.get(1).status());
        assertTrue(traces.get(1).line().contains("GET"), traces.get(1).line());
    }

    @Test
    void redactorMasksEverySecretShape() {
        redactor.addSecret(KEY);
        String text = "https://x.blob.core.windows.net/c?sv=2012-02-12&sr=c&si=abc&sig=AbC%2Bdef%3D&st=1 "
                + "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=Zm9vYmFy== "
                + "client_secret=" + KEY + "&x=1 Authorization: Bearer eyJhbGciOi.abc.def "
                + "{\"accountKey\":\"raw-key-value\"}";
        String out = redactor.redact(text);
        assertFalse(out.contains("AbC%2Bdef"), out);
        assertFalse(out.contains("Zm9vYmFy"), out);
        assertFalse(out.contains(KEY), out);
        assertFalse(out.contains("eyJhbGciOi"), out);
        assertFalse(out.contains("raw-key-value"), out);
        assertTrue(out.contains("sr=c&si=abc&sig=***"), out);
        assertEquals("context add a --account-key *** --storage-key=*** --client-secret env:AMS_SECRET",
                redactor.redact("context add a --account-key c2VjcmV0a2V5 --storage-key=c3RvcmFnZQ== --client-secret env:AMS_SECRET"));
        assertEquals("context add d --client-secret *** --storage-key *** --account-key \"env:X\"",
                redactor.redact("context add d --client-secret \"my secret with spaces\" --storage-key 'two words' --account-key \"env:X\""));
        assertEquals("context add [--account-key TEXT] [--storage-key TEXT]",
                redactor.redact("context add [--account-key TEXT] [--storage-key TEXT]"), "usage text is not a secret");
        assertEquals("--account-key *** --storage-key ***", redactor.redact("--account-key secretvalue --storage-key SECRET3"));
        redactor.setRevealing(true);
        assertEquals(text, redactor.redact(text));
    }
}
