package dev.amsh.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.datacenter.Poller;
import dev.amsh.datacenter.v3.V3Datacenter;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The v3 (ARM) client's wire shape and fault handling, request by request, against an HTTPS mockwebserver. */
class ArmClientWireTest {
    static final UUID GUID = UUID.fromString("5197ca71-1c2d-4e3f-9a0b-1c2d3e4f5a6b");

    @TempDir
    Path dir;
    ArmWire wire;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws IOException {
        wire = new ArmWire(dir);
    }

    @AfterEach
    void stop() throws IOException {
        wire.close();
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = wire.server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "a request was expected");
        return r;
    }

    V3Datacenter datacenter(ArmClient arm) {
        return new V3Datacenter("b", arm, wire.clock, null, url -> List.of(), "https");
    }

    String locatorJson(String name, UUID id, String asset) {
        return "{\"name\":\"" + name + "\",\"id\":\"x\",\"type\":\"Microsoft.Media/mediaservices/streamingLocators\","
                + "\"properties\":{\"assetName\":\"" + asset + "\",\"streamingLocatorId\":\"" + id + "\","
                + "\"streamingPolicyName\":\"Predefined_ClearStreamingOnly\",\"endTime\":\"9999-12-31T23:59:59.9999999Z\","
                + "\"contentKeys\":[],\"filters\":[]}}";
    }

    OriginLocator original() {
        return new OriginLocator(GUID, "nb:lid:UUID:" + GUID, "movie", "nb:cid:UUID:x", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), null, List.of());
    }

    MediaAsset target() {
        return new MediaAsset("a1", "asset-src", "asset-a1", null, false, null, "", "None");
    }

    @Test
    void tokenFromTheApiKeyThenPagesByNextLink() throws Exception {
        wire.server.enqueue(wire.token("t1"));
        String next = wire.server.url(wire.prefix(false) + "/assets?api-version=2022-08-01&$skiptoken=one").toString();
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[{\"name\":\"one\",\"properties\":{\"assetId\":\"" + UUID.randomUUID()
                + "\"}}],\"@odata.nextLink\":\"" + next + "\"}"));
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[{\"name\":\"two\",\"properties\":{\"assetId\":\"" + UUID.randomUUID()
                + "\",\"container\":\"c2\"}}]}"));
        ArmClient arm = wire.builder().build();

        List<MediaAsset> assets = datacenter(arm).assets(new dev.amsh.datacenter.AssetQuery(null, "properties/created gt 2026-01-01", null)).toList();

        assertEquals(List.of("one", "two"), assets.stream().map(MediaAsset::name).toList());
        assertEquals("c2", assets.get(1).container());
        assertTrue(assets.get(0).container().startsWith("asset-"), "no container in the answer: asset-{assetId}");
        RecordedRequest token = take();
        assertEquals("POST", token.getMethod());
        assertEquals("/auth/token", token.getPath());
        JsonNode body = json.readTree(token.getBody().readUtf8());
        assertEquals(ArmWire.SUB, body.path("subscriptionId").asText());
        assertEquals(ArmWire.API_KEY, body.path("apiKey").asText());
        RecordedRequest first = take();
        assertEquals(wire.prefix(false) + "/assets", first.getRequestUrl().encodedPath());
        assertEquals("2022-08-01", first.getRequestUrl().queryParameter("api-version"));
        assertEquals("properties/created gt 2026-01-01", first.getRequestUrl().queryParameter("$filter"));
        assertEquals("Bearer " + ArmWire.jwt(wire.clock.instant().plus(Duration.ofHours(1)), "t1"), first.getHeader("Authorization"));
        RecordedRequest second = take();
        assertEquals(next, second.getRequestUrl().toString(), "the next link is followed verbatim");
        assertEquals(3, wire.server.getRequestCount());
    }

    @Test
    void theTokenIsRenewedBeforeItsExp() throws Exception {
        wire.server.enqueue(wire.token("t1"));
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[]}"));
        ArmClient arm = wire.builder().build();
        V3Datacenter b = datacenter(arm);
        b.endpoints();
        wire.clock.advance(Duration.ofMinutes(50)); // 10 minutes before exp: still good
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[]}"));
        b.endpoints();
        wire.clock.advance(Duration.ofMinutes(6)); // 4 minutes before exp: renewed first
        wire.server.enqueue(wire.token("t2"));
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[]}"));
        b.endpoints();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < wire.server.getRequestCount(); i++) {
            paths.add(take().getPath().replaceFirst("\\?.*", ""));
        }
        assertEquals(2, paths.stream().filter(p -> p.equals("/auth/token")).count(), String.valueOf(paths));
        assertTrue(paths.get(1).endsWith("/mediaservices/acct/streamingEndpoints"), "endpoints spell mediaservices: " + paths);
    }

    @Test
    void a401OnAnExpiredTokenRenewsOnceAndRetries() throws Exception {
        wire.server.enqueue(wire.token("old"));
        wire.server.enqueue(ArmWire.armError(401, "ExpiredAuthenticationToken", "The access token expiry is in the past."));
        wire.server.enqueue(wire.token("new"));
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[]}"));
        datacenter(wire.builder().build()).endpoints();
        take();
        assertTrue(take().getHeader("Authorization").contains(ArmWire.jwt(wire.clock.instant().plus(Duration.ofHours(1)), "old")));
        assertEquals("/auth/token", take().getPath());
        assertTrue(take().getHeader("Authorization").contains(ArmWire.jwt(wire.clock.instant().plus(Duration.ofHours(1)), "new")));
        assertEquals(4, wire.server.getRequestCount());
    }

    @Test
    void aWrongApiKeyNamesTheContextAndTheTokenUrl() {
        wire.server.enqueue(ArmWire.armError(401, "InvalidApiKey", "The api key is not valid."));
        AmshException e = assertThrows(AmshException.class, () -> datacenter(wire.builder().build()).endpoints());
        assertTrue(e.oneLine().contains("context b"), e.oneLine());
        assertTrue(e.oneLine().contains(wire.server.url("/auth/token").toString()), e.oneLine());
        assertTrue(e.oneLine().contains("api key"), e.oneLine());
        assertFalse(e.oneLine().contains(ArmWire.API_KEY), "the key itself never shows");
    }

    @Test
    void anHttpArmEndpointIsRefusedBeforeAnyCall() {
        String http = wire.endpoint().replace("https://", "http://");
        AmshException e = assertThrows(AmshException.class, () -> wire.builder()
                .account(new ArmAccount(http, ArmWire.SUB, ArmWire.RG, ArmWire.ACCOUNT)).build());
        assertEquals("context b: ARM endpoint " + http + " is http; ARM needs https (a bearer token never goes over http:"
                + " give the https:// endpoint (and --ca-file PEM for a private CA))", e.oneLine());
        assertEquals(0, wire.server.getRequestCount());
    }

    @Test
    void aMissingCaFileIsOneLine() {
        Path missing = dir.resolve("nope.pem");
        AmshException e = assertThrows(AmshException.class, () -> wire.builder().caFile(missing).build());
        assertTrue(e.oneLine().startsWith("context b: CA file " + missing + " does not exist"), e.oneLine());
        assertTrue(e.oneLine().contains("--ca-file"), e.oneLine());
    }

    @Test
    void aPrivateCaNotGivenSaysToPassCaFile() {
        wire.server.enqueue(wire.token("t"));
        ArmClient arm = wire.builder().caFile(null).build();
        AmshException e = assertThrows(AmshException.class, () -> datacenter(arm).endpoints());
        assertTrue(e.oneLine().startsWith("context b: TLS with localhost:" + wire.server.getPort() + " failed"), e.oneLine());
        assertTrue(e.oneLine().contains("pass --ca-file PEM"), e.oneLine());
    }

    @Test
    void anUnknownApiVersionAnswerIsOneLineWithTheArmError() {
        wire.server.enqueue(wire.token("t"));
        wire.server.enqueue(ArmWire.armError(400, "InvalidApiVersionParameter",
                "The api-version '2022-11-01' is invalid. The supported versions are '2018-07-01'."));
        AmsServiceException e = assertThrows(AmsServiceException.class, () -> datacenter(wire.builder().build()).endpoints());
        assertEquals("context b: GET streamingEndpoints failed: HTTP 400 InvalidApiVersionParameter - The api-version"
                + " '2022-11-01' is invalid. The supported versions are '2018-07-01'. (the service does not take api-version"
                + " 2022-11-01: is " + wire.server.url("/").toString().replaceAll("/$", "") + " a Media Services v3 endpoint?)", e.oneLine());
    }

    @Test
    void aLostLocatorAnswerIsLookedUpNotResent() throws Exception {
        wire.server.enqueue(wire.token("t"));
        wire.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        wire.server.enqueue(ArmWire.json(200, locatorJson(GUID.toString(), GUID, "asset-src")));
        OriginLocator made = datacenter(wire.builder().build()).createClone(original(), target());

        assertEquals(GUID, made.guid());
        assertEquals(GUID.toString(), made.name(), "a v2 original's clone is named by its GUID");
        take();
        RecordedRequest put = take();
        assertEquals("PUT", put.getMethod());
        JsonNode props = json.readTree(put.getBody().readUtf8()).path("properties");
        assertEquals("asset-src", props.path("assetName").asText());
        assertEquals(GUID.toString(), props.path("streamingLocatorId").asText());
        assertEquals("Predefined_ClearStreamingOnly", props.path("streamingPolicyName").asText());
        assertEquals("2026-12-01T00:00:00Z", props.path("startTime").asText());
        assertEquals("2027-01-01T00:00:00Z", props.path("endTime").asText());
        RecordedRequest get = take();
        assertEquals("GET", get.getMethod());
        assertEquals(wire.prefix(false) + "/streamingLocators/" + GUID, get.getRequestUrl().encodedPath());
        assertEquals(3, wire.server.getRequestCount(), "one PUT only: the lost answer was looked up");
    }

    @Test
    void aLostAnswerThatMadeNothingIsSentOnceMore() throws Exception {
        wire.server.enqueue(wire.token("t"));
        wire.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        wire.server.enqueue(ArmWire.armError(404, "NotFound", "The requested resource was not found."));
        wire.server.enqueue(ArmWire.json(201, locatorJson(GUID.toString(), GUID, "asset-src")));
        OriginLocator made = datacenter(wire.builder().build()).createClone(original(), target());
        assertEquals(GUID, made.guid());
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            methods.add(take().getMethod());
        }
        assertEquals(List.of("POST", "PUT", "GET", "PUT"), methods);
    }

    @Test
    void a409OnARepeatIsTheSameLocatorOrARefusal() throws Exception {
        wire.server.enqueue(wire.token("t"));
        wire.server.enqueue(ArmWire.armError(409, "Conflict", "A streaming locator with this name already exists."));
        wire.server.enqueue(ArmWire.json(200, locatorJson(GUID.toString(), GUID, "asset-src")));
        V3Datacenter b = datacenter(wire.builder().build());
        assertEquals(GUID, b.createClone(original(), target()).guid(), "the same: done");

        wire.server.enqueue(ArmWire.armError(409, "Conflict", "A streaming locator with this name already exists."));
        UUID other = UUID.randomUUID();
        wire.server.enqueue(ArmWire.json(200, locatorJson(GUID.toString(), other, "asset-other")));
        AmshException e = assertThrows(AmshException.class, () -> b.createClone(original(), target()));
        assertTrue(e.oneLine().startsWith("streaming locator " + GUID + " already exists on b for asset asset-other with id " + other),
                e.oneLine());
        assertTrue(e.oneLine().contains("nothing was changed"), e.oneLine());
    }

    @Test
    void endpointStartIsPolledAtTheAsyncOperationHonouringRetryAfter() throws Exception {
        String ep = wire.prefix(true) + "/streamingEndpoints/default";
        wire.server.enqueue(wire.token("t"));
        wire.server.enqueue(ArmWire.json(200, "{\"name\":\"default\",\"properties\":{\"hostName\":\"localhost:1\",\"resourceState\":\"Stopped\",\"scaleUnits\":0}}"));
        String op = wire.server.url(wire.prefix(true) + "/streamingEndpointOperations/op1?api-version=2022-11-01").toString();
        String loc = wire.server.url(ep + "/operationLocations/op1?api-version=2022-11-01").toString();
        wire.server.enqueue(new MockResponse().setResponseCode(202).setHeader("Azure-AsyncOperation", op)
                .setHeader("Location", loc).setHeader("Retry-After", "3"));
        wire.server.enqueue(ArmWire.json(200, "{\"name\":\"op1\",\"status\":\"InProgress\"}").setHeader("Retry-After", "1"));
        wire.server.enqueue(ArmWire.json(200, "{\"name\":\"op1\",\"status\":\"Succeeded\",\"error\":{\"code\":\"None\"}}"));
        wire.server.enqueue(ArmWire.json(200, "{\"name\":\"default\",\"properties\":{\"hostName\":\"localhost:1\",\"resourceState\":\"Running\",\"scaleUnits\":0}}"));

        Poller<EndpointState, EndpointState> start = datacenter(wire.builder().build()).startEndpoint("default");
        List<String> progress = new ArrayList<>();
        EndpointState end = start.await(Duration.ofMinutes(1), p -> progress.add(p.resourceState()));

        assertEquals("Running", end.resourceState());
        assertEquals(List.of("Starting", "Starting", "Running"), progress, "progress in the endpoint's own words");
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(1)), wire.sleeps, "Retry-After honoured");
        take();
        take();
        RecordedRequest post = take();
        assertEquals("POST", post.getMethod());
        assertEquals(ep + "/start", post.getRequestUrl().encodedPath());
        assertEquals(op, take().getRequestUrl().toString());
        assertEquals(op, take().getRequestUrl().toString());
        assertEquals(ep, take().getRequestUrl().encodedPath());
    }

    @Test
    void aStoppedEndpointIsSaidWithHowToStartIt() {
        wire.server.enqueue(wire.token("t"));
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[{\"name\":\"default\",\"properties\":{\"hostName\":\"h\",\"resourceState\":\"Stopped\"}}]}"));
        AmshException e = assertThrows(AmshException.class, () -> datacenter(wire.builder().build()).streamingBase(original()));
        assertEquals("streaming endpoint default on b is Stopped: its URLs serve nothing (start it with 'endpoints start default --on b')",
                e.oneLine());
    }
}
