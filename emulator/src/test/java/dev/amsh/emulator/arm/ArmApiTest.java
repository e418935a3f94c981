package dev.amsh.emulator.arm;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlobItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.common.TestCertificates;
import dev.amsh.emulator.encoder.Ffmpeg;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The v3 datacenter over real HTTPS (trusting only the pair's generated CA), on a mixed pair (a v2, b v3):
 * tokens and 401s, api-versions, asset PUT 201/200, locator PUT 201-only and 409s, 404 bodies, paging with
 * nextLink, filters, listContainerSas with a real upload through it, listPaths, the streaming endpoint's
 * long-running start/stop and a stopped origin, and a v3 encode served by the origin in every format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmApiTest {
    LocalPair pair;
    Path data;
    ArmTestClient b;
    Endpoints endpoints;

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("amsh-arm-pair");
        pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir()).withLog(System.out::println)
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3))).start();
        endpoints = pair.endpoints(null, null);
        b = new ArmTestClient(endpoints.get("b"), Path.of(endpoints.caFile()));
    }

    @AfterAll
    void stop() {
        pair.close();
    }

    String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void endpointsSayTheKindsAndTheV3Fields() throws Exception {
        assertEquals("v2", endpoints.get("a").kind());
        assertNotNull(endpoints.get("a").clusterApiRoot());
        Endpoints.DatacenterEndpoints d = endpoints.get("b");
        assertEquals("v3", d.kind());
        assertTrue(d.armEndpoint().startsWith("https://127.0.0.1:"), d.armEndpoint());
        assertEquals(d.armEndpoint() + "/auth/token", d.tokenUrl());
        assertEquals(d.originUrl(), "http://" + d.streamingHost());
        assertNull(d.clusterApiRoot());
        Path elsewhere = Files.createTempDirectory("amsh-json").resolve("local.json");
        LocalPair.writeEndpoints(elsewhere, endpoints);
        assertTrue(Path.of(ArmTestClient.JSON.readTree(elsewhere.toFile()).get("caFile").asText()).isAbsolute());
        Path json = data.resolve("local.json");
        LocalPair.writeEndpoints(json, endpoints);
        JsonNode written = ArmTestClient.JSON.readTree(json.toFile());
        assertFalse(Path.of(written.get("caFile").asText()).isAbsolute(), written.get("caFile").asText());
        assertTrue(Files.isRegularFile(json.getParent().resolve(written.get("caFile").asText())));
        for (String f : List.of("name", "kind", "armEndpoint", "subscriptionId", "resourceGroup", "accountName", "tokenUrl",
                "apiKey", "tenant", "clientId", "clientSecret", "aadTokenUrl", "storageAccountName", "storageAccountKey",
                "blobEndpoint", "streamingHost", "originUrl")) {
            assertTrue(written.get("datacenters").get(1).hasNonNull(f), f);
        }
        assertEquals(Path.of(endpoints.caFile()), Path.of(LocalPair.readEndpoints(json).caFile()));
    }

    @Test
    void theCertificateIsKeptAcrossStarts() throws Exception {
        Path dir = Files.createTempDirectory("amsh-tls");
        Path ca = TestCertificates.inDirectory(dir).caFile();
        String first = Files.readString(ca);
        assertTrue(first.startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals(first, Files.readString(TestCertificates.inDirectory(dir).caFile()));
    }

    @Test
    void apiKeyTokenIsABareJwtAndChecksTheKey() throws Exception {
        Endpoints.DatacenterEndpoints d = b.dc;
        // Newtonsoft's default casing, as Ravnur's C# client sends it
        ArmTestClient.Reply ok = b.send("POST", d.tokenUrl(), "{\"SubscriptionId\":\"" + d.subscriptionId()
                + "\",\"ApiKey\":\"" + d.apiKey() + "\"}", "application/json", null);
        assertEquals(200, ok.status(), ok.text());
        String[] parts = ok.text().split("\\.");
        assertEquals(3, parts.length, ok.text());
        long exp = ArmTestClient.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).get("exp").asLong();
        assertTrue(exp > Instant.now().getEpochSecond());
        ArmTestClient.Reply bad = b.send("POST", d.tokenUrl(), "{\"subscriptionId\":\"" + d.subscriptionId()
                + "\",\"apiKey\":\"wrong\"}", "application/json", null);
        assertEquals(401, bad.status());
        assertNotNull(bad.json().get("error").get("code").asText());
        ArmTestClient.Reply withIt = b.send("GET", d.armEndpoint() + b.account() + "/assets?api-version=2022-08-01", null,
                null, "Bearer " + ok.text());
        assertEquals(200, withIt.status(), withIt.text());
    }

    @Test
    void entraClientCredentialsForTheArmScope() throws Exception {
        Endpoints.DatacenterEndpoints d = b.dc;
        String form = "grant_type=client_credentials&client_id=" + d.clientId() + "&client_secret="
                + URLEncoder.encode(d.clientSecret(), StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(d.armEndpoint() + "/.default", StandardCharsets.UTF_8);
        ArmTestClient.Reply ok = b.send("POST", d.aadTokenUrl(), form, "application/x-www-form-urlencoded", null);
        assertEquals(200, ok.status(), ok.text());
        assertEquals("Bearer", ok.json().get("token_type").asText());
        assertTrue(ok.json().get("expires_in").asLong() > 0);
        String token = ok.json().get("access_token").asText();
        assertEquals(200, b.send("GET", d.armEndpoint() + b.account() + "/streamingPolicies?api-version=2022-08-01", null,
                null, "Bearer " + token).status());
        ArmTestClient.Reply wrong = b.send("POST", d.aadTokenUrl(), form.replace("client_secret=", "client_secret=x"),
                "application/x-www-form-urlencoded", null);
        assertEquals(401, wrong.status());
        assertEquals("invalid_client", wrong.json().get("error").asText());
        ArmTestClient.Reply scope = b.send("POST", d.aadTokenUrl(), form.replaceAll("scope=.*", "scope=https%3A%2F%2Fmanagement.azure.com%2F.default"),
                "application/x-www-form-urlencoded", null);
        assertEquals(400, scope.status());
    }

    @Test
    void missingWrongAndExpiredBearersAre401WithAnArmError() throws Exception {
        String url = b.dc.armEndpoint() + b.account() + "/assets?api-version=2022-08-01";
        String expired = pair.armDatacenter("b").issueToken(Duration.ofSeconds(-5));
        for (String auth : new String[]{null, "Bearer nonsense", "Bearer " + expired}) {
            ArmTestClient.Reply r = b.send("GET", url, null, null, auth);
            assertEquals(401, r.status(), String.valueOf(auth));
            assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), r.header("WWW-Authenticate"));
            assertFalse(r.json().get("error").get("code").asText().isEmpty());
            assertFalse(r.json().get("error").get("message").asText().isEmpty());
        }
        assertEquals("ExpiredAuthenticationToken", b.send("GET", url, null, null, "Bearer " + expired).json()
                .get("error").get("code").asText());
    }

    @Test
    void apiVersionsOfTheSdksAreAcceptedAndOthersAre400() throws Exception {
        for (String v : List.of("2021-11-01", "2022-07-01", "2022-08-01", "2022-11-01", "2023-01-01")) {
            assertEquals(200, b.call("GET", "streamingPolicies?api-version=" + v, null).status(), v);
        }
        for (String v : List.of("2018-07-01", "2024-01-01", "")) {
            ArmTestClient.Reply r = b.call("GET", "assets?api-version=" + v, null);
            assertEquals(400, r.status(), v);
            assertEquals("InvalidApiVersionParameter", r.json().get("error").get("code").asText());
        }
    }

    @Test
    void assetPutIs201Then200AndTheDefaultContainerShowsOnGet() throws Exception {
        String n = name("asset");
        ArmTestClient.Reply created = b.call("PUT", "assets/" + n, "{\"properties\":{\"alternateId\":\"alt-" + n + "\"}}");
        assertEquals(201, created.status(), created.text());
        JsonNode a = created.json();
        assertEquals(n, a.get("name").asText());
        assertEquals("Microsoft.Media/mediaservices/assets", a.get("type").asText());
        assertTrue(a.get("id").asText().endsWith("/providers/Microsoft.Media/mediaservices/" + b.dc.accountName() + "/assets/" + n));
        assertFalse(a.get("properties").has("container"), "a 201 without a given container has none");
        assertEquals("Application", a.get("systemData").get("createdByType").asText());
        assertTrue(created.header("Content-Type").startsWith("application/json; odata.metadata=minimal"));
        String assetId = a.get("properties").get("assetId").asText();
        // case-insensitive segments, as the SDKs spell them differently
        ArmTestClient.Reply got = b.send("GET", b.dc.armEndpoint() + b.account().replace("mediaServices", "MEDIASERVICES")
                .replace("resourceGroups", "resourcegroups") + "/ASSETS/" + n.toUpperCase() + "?api-version=2022-08-01",
                null, null, "Bearer " + b.token());
        assertEquals(200, got.status(), got.text());
        assertEquals("asset-" + assetId, got.json().get("properties").get("container").asText());
        assertTrue(pair.armDatacenter("b").storage().containerExists("asset-" + assetId));
        ArmTestClient.Reply again = b.call("PUT", "assets/" + n, "{\"properties\":{\"description\":\"d\"}}");
        assertEquals(200, again.status());
        assertEquals(assetId, again.json().get("properties").get("assetId").asText());
        assertEquals("d", again.json().get("properties").get("description").asText());
        ArmTestClient.Reply patched = b.call("PATCH", "assets/" + n, "{\"properties\":{\"description\":\"e\"}}");
        assertEquals("e", patched.json().get("properties").get("description").asText());

        String m = name("given");
        ArmTestClient.Reply withContainer = b.call("PUT", "assets/" + m, "{\"properties\":{\"container\":\"c-" + m + "\"}}");
        assertEquals(201, withContainer.status());
        assertEquals("c-" + m, withContainer.json().get("properties").get("container").asText());

        assertEquals(200, b.call("DELETE", "assets/" + n, null).status());
        assertFalse(pair.armDatacenter("b").storage().containerExists("asset-" + assetId));
        ArmTestClient.Reply gone = b.call("GET", "assets/" + n, null);
        assertEquals(404, gone.status());
        assertEquals("application/json; charset=utf-8", gone.header("Content-Type"));
        assertEquals("{\"error\":{\"code\":\"NotFound\",\"message\":\"The requested resource was not found.\"}}", gone.text());
        assertEquals(404, b.call("GET", "streamingLocators/" + n, null).status());
        assertEquals(404, b.call("POST", "assets/" + n + "/listContainerSas", "{}").status());
    }

    @Test
    void listsPageByNextLinkWithTopAndFilter() throws Exception {
        String prefix = "pg" + UUID.randomUUID().toString().substring(0, 6);
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            assertEquals(201, b.call("PUT", "assets/" + prefix + "-" + i, "{\"properties\":{\"alternateId\":\"" + prefix
                    + (i % 2) + "\"}}").status());
        }
        String filter = URLEncoder.encode("name gt '" + prefix + "-' and name lt '" + prefix + "-~'", StandardCharsets.UTF_8);
        ArmTestClient.Reply first = b.call("GET", "assets?$top=2&$filter=" + filter, null);
        assertEquals(200, first.status(), first.text());
        List<String> names = new ArrayList<>();
        first.json().get("value").forEach(v -> names.add(v.get("name").asText()));
        String next = first.json().get("@odata.nextLink").asText();
        int pages = 1;
        while (next != null) {
            assertTrue(next.startsWith(b.dc.armEndpoint() + "/"), next);
            assertTrue(next.contains("$skiptoken="), next);
            JsonNode page = b.get(next).json();
            page.get("value").forEach(v -> names.add(v.get("name").asText()));
            next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(List.of(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"), names);

        JsonNode alt = b.call("GET", "assets?$filter=" + URLEncoder.encode("properties/alternateId eq '" + prefix + "1'",
                StandardCharsets.UTF_8), null).json();
        assertEquals(2, alt.get("value").size());
        assertFalse(alt.has("@odata.nextLink"));
        JsonNode desc = b.call("GET", "assets?$orderby=" + URLEncoder.encode("name desc", StandardCharsets.UTF_8)
                + "&$filter=" + filter, null).json();
        assertEquals(prefix + "-4", desc.get("value").get(0).get("name").asText());
        JsonNode recent = b.call("GET", "assets?$filter=" + URLEncoder.encode("properties/created gt " + before
                + " and name gt '" + prefix + "-'", StandardCharsets.UTF_8), null).json();
        assertTrue(recent.get("value").size() >= 5, recent.toString());
        JsonNode none = b.call("GET", "assets?$filter=" + URLEncoder.encode("properties/created lt 2012-06-01 and name gt '"
                + prefix + "-'", StandardCharsets.UTF_8), null).json();
        assertEquals(0, none.get("value").size());
        assertEquals(400, b.call("GET", "assets?$filter=" + URLEncoder.encode("properties/nothing eq 1", StandardCharsets.UTF_8), null).status());
    }

    @Test
    void listContainerSasGivesAzuriteUrlsThatUploadAndList() throws Exception {
        String n = name("sas");
        b.call("PUT", "assets/" + n, "{}");
        String expiry = Instant.now().plus(Duration.ofHours(1)).toString();
        ArmTestClient.Reply rw = b.call("POST", "assets/" + n + "/listContainerSas",
                "{\"permissions\":\"ReadWrite\",\"expiryTime\":\"" + expiry + "\"}");
        assertEquals(200, rw.status(), rw.text());
        JsonNode urls = rw.json().get("assetContainerSasUrls");
        assertEquals(2, urls.size());
        String url = urls.get(0).asText();
        assertTrue(url.startsWith(b.dc.blobEndpoint() + "/asset-"), url);
        assertTrue(url.contains("sr=c"), url);
        assertTrue(url.contains("sp=rwl"), url);
        BlobContainerClient write = new BlobContainerClientBuilder().endpoint(url).buildClient();
        write.getBlobClient("hello.txt").upload(BinaryData.fromString("hello v3"));

        ArmTestClient.Reply read = b.call("POST", "assets/" + n + "/listContainerSas",
                "{\"permissions\":\"Read\",\"expiryTime\":\"" + expiry + "\"}");
        String readUrl = read.json().get("assetContainerSasUrls").get(1).asText();
        assertTrue(readUrl.contains("sp=rl"), readUrl);
        BlobContainerClient reader = new BlobContainerClientBuilder().endpoint(readUrl).buildClient();
        List<String> blobs = reader.listBlobs().stream().map(BlobItem::getName).toList();
        assertEquals(List.of("hello.txt"), blobs);
        assertEquals("hello v3", reader.getBlobClient("hello.txt").downloadContent().toString());
        assertThrows(RuntimeException.class, () -> reader.getBlobClient("x.txt").upload(BinaryData.fromString("no")));

        ArmTestClient.Reply tooLong = b.call("POST", "assets/" + n + "/listContainerSas",
                "{\"permissions\":\"Read\",\"expiryTime\":\"" + Instant.now().plus(Duration.ofHours(25)) + "\"}");
        assertEquals(400, tooLong.status());
        assertEquals(400, b.call("POST", "assets/" + n + "/listContainerSas",
                "{\"permissions\":\"Everything\",\"expiryTime\":\"" + expiry + "\"}").status());
    }

    @Test
    void locatorsAre201OnlyWithConflictsAndPathsFromTheBlobs() throws Exception {
        String n = name("loc");
        b.call("PUT", "assets/" + n, "{}");
        String sas = b.call("POST", "assets/" + n + "/listContainerSas", "{\"permissions\":\"ReadWrite\",\"expiryTime\":\""
                + Instant.now().plusSeconds(600) + "\"}").json().get("assetContainerSasUrls").get(0).asText();
        BlobContainerClient c = new BlobContainerClientBuilder().endpoint(sas).buildClient();
        c.getBlobClient("movie.ism").upload(BinaryData.fromString("<smil/>"));
        c.getBlobClient("movie_1000.mp4").upload(BinaryData.fromString("mp4"));
        String id = UUID.randomUUID().toString();
        // read-only fields of another account's locator are ignored, as the HA sample sends them
        String body = "{\"id\":\"/subscriptions/x/other\",\"name\":\"ignored\",\"type\":\"t\",\"properties\":{\"assetName\":\""
                + n + "\",\"streamingPolicyName\":\"Predefined_ClearStreamingOnly\",\"streamingLocatorId\":\"" + id
                + "\",\"created\":\"2001-01-01T00:00:00Z\"}}";
        ArmTestClient.Reply created = b.call("PUT", "streamingLocators/" + n, body);
        assertEquals(201, created.status(), created.text());
        JsonNode p = created.json().get("properties");
        assertEquals(id, p.get("streamingLocatorId").asText());
        assertEquals(n, created.json().get("name").asText());
        assertEquals("9999-12-31T23:59:59.9999999Z", p.get("endTime").asText());
        assertFalse(p.has("startTime"));
        assertNotEquals("2001-01-01T00:00:00Z", p.get("created").asText());
        assertEquals(0, p.get("contentKeys").size());

        ArmTestClient.Reply sameName = b.call("PUT", "streamingLocators/" + n, body);
        assertEquals(409, sameName.status());
        assertEquals("Conflict", sameName.json().get("error").get("code").asText());
        ArmTestClient.Reply sameId = b.call("PUT", "streamingLocators/" + n + "-2", body);
        assertEquals(409, sameId.status());
        assertEquals("Conflict", sameId.json().get("error").get("code").asText());

        JsonNode paths = b.call("POST", "streamingLocators/" + n + "/listPaths", null).json();
        List<String> all = new ArrayList<>();
        paths.get("streamingPaths").forEach(sp -> {
            assertEquals("NoEncryption", sp.get("encryptionScheme").asText());
            sp.get("paths").forEach(x -> all.add(sp.get("streamingProtocol").asText() + " " + x.asText()));
        });
        assertTrue(all.contains("Hls /" + id + "/movie.ism/manifest(format=m3u8-aapl)"), all.toString());
        assertTrue(all.contains("Dash /" + id + "/movie.ism/manifest(format=mpd-time-csf)"), all.toString());
        assertTrue(all.contains("SmoothStreaming /" + id + "/movie.ism/manifest"), all.toString());
        assertEquals(0, paths.get("downloadPaths").size());

        String dl = n + "-dl";
        assertEquals(201, b.call("PUT", "streamingLocators/" + dl, "{\"properties\":{\"assetName\":\"" + n
                + "\",\"streamingPolicyName\":\"Predefined_DownloadOnly\"}}").status());
        JsonNode dlPaths = b.call("POST", "streamingLocators/" + dl + "/listPaths", null).json();
        assertEquals(0, dlPaths.get("streamingPaths").size());
        String dlId = b.call("GET", "streamingLocators/" + dl, null).json().get("properties").get("streamingLocatorId").asText();
        assertEquals("/" + dlId + "/movie_1000.mp4", dlPaths.get("downloadPaths").get(0).asText());

        JsonNode ofAsset = b.call("POST", "assets/" + n + "/listStreamingLocators", null).json().get("streamingLocators");
        assertEquals(2, ofAsset.size());
        assertEquals(0, b.call("POST", "streamingLocators/" + n + "/listContentKeys", null).json().get("contentKeys").size());
        assertEquals(400, b.call("PUT", "streamingLocators/" + name("x"), "{\"properties\":{\"assetName\":\"" + n
                + "\",\"streamingPolicyName\":\"NoSuchPolicy\"}}").status());
        assertEquals(200, b.call("DELETE", "streamingLocators/" + dl, null).status());
        assertEquals(404, b.call("GET", "streamingLocators/" + dl, null).status());
        assertEquals(404, b.call("POST", "streamingLocators/" + dl + "/listPaths", null).status());
    }

    @Test
    void faultsReachTheArmSurfaceAndALostLocatorAnswerIsFoundNotResent() throws Exception {
        String n = name("fault");
        try {
            pair.faults().set(new FaultPlan(1, EnumSet.of(FaultKind.SERVICE_UNAVAILABLE), 1, Set.of("b"),
                    EnumSet.of(Surface.API), "PUT", 1));
            assertEquals(503, b.call("PUT", "assets/" + n, "{}").status());
            assertEquals(404, b.call("GET", "assets/" + n, null).status(), "a refused PUT made nothing");
            assertEquals(201, b.call("PUT", "assets/" + n, "{}").status());
            pair.faults().set(new FaultPlan(1, EnumSet.of(FaultKind.LOST_RESPONSE), 1, Set.of("b"),
                    EnumSet.of(Surface.API), "streamingLocators/" + n, 1));
            String body = "{\"properties\":{\"assetName\":\"" + n + "\",\"streamingPolicyName\":\"Predefined_ClearStreamingOnly\"}}";
            assertThrows(java.io.IOException.class, () -> b.call("PUT", "streamingLocators/" + n, body));
            // the lost answer's locator exists: a re-sent PUT is a 409, a lookup finds it
            assertEquals(409, b.call("PUT", "streamingLocators/" + n, body).status());
            assertEquals(200, b.call("GET", "streamingLocators/" + n, null).status());
        } finally {
            pair.faults().set(FaultPlan.OFF);
        }
    }

    @Test
    void predefinedPoliciesAreListedAndGettable() throws Exception {
        List<String> names = new ArrayList<>();
        b.call("GET", "streamingPolicies", null).json().get("value").forEach(v -> names.add(v.get("name").asText()));
        assertTrue(names.containsAll(List.of("Predefined_ClearStreamingOnly", "Predefined_DownloadOnly",
                "Predefined_DownloadAndClearStreaming")), names.toString());
        JsonNode clear = b.call("GET", "streamingPolicies/Predefined_ClearStreamingOnly", null).json();
        JsonNode enabled = clear.get("properties").get("noEncryption").get("enabledProtocols");
        assertTrue(enabled.get("hls").asBoolean());
        assertFalse(enabled.get("download").asBoolean());
        assertEquals(404, b.call("GET", "streamingPolicies/none", null).status());
    }

    /** Polls an LRO as the SDKs do: the Azure-AsyncOperation URL until a terminal status, then Location. */
    JsonNode pollToEnd(ArmTestClient.Reply accepted, List<String> states) throws Exception {
        assertEquals(202, accepted.status(), accepted.text());
        assertEquals("1", accepted.header("Retry-After"));
        String op = accepted.header("Azure-AsyncOperation");
        String location = accepted.header("Location");
        assertTrue(op.contains("/streamingEndpointOperations/") && op.contains("api-version="), op);
        assertTrue(location.contains("/streamingEndpoints/default/operationLocations/"), location);
        states.add(b.call("GET", "streamingEndpoints/default?api-version=2022-11-01", null).json().get("properties")
                .get("resourceState").asText());
        ArmTestClient.Reply during = b.get(location);
        assertEquals(202, during.status());
        for (int i = 0; i < 100; i++) {
            JsonNode s = b.get(op).json();
            if (s.get("status").asText().equals("Succeeded")) {
                ArmTestClient.Reply done = b.get(location);
                assertEquals(200, done.status());
                return done.json();
            }
            assertEquals("InProgress", s.get("status").asText());
            Thread.sleep(200);
        }
        throw new AssertionError("the operation did not end");
    }

    int originStatus(String path) throws Exception {
        return b.http.send(HttpRequest.newBuilder(URI.create(b.dc.originUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theStreamingEndpointStopsAndStartsAsALongRunningOperation() throws Exception {
        JsonNode ep = b.call("GET", "streamingendpoints/default?api-version=2022-11-01", null).json();
        assertEquals(b.dc.streamingHost(), ep.get("properties").get("hostName").asText());
        assertEquals("Running", ep.get("properties").get("resourceState").asText());
        assertEquals(200, originStatus("/"));
        List<String> states = new ArrayList<>();
        JsonNode stopped = pollToEnd(b.call("POST", "streamingEndpoints/default/stop?api-version=2022-11-01", null), states);
        assertEquals("Stopped", stopped.get("properties").get("resourceState").asText());
        assertEquals(List.of("Stopping"), states);
        // a stopped endpoint serves nothing, and says why
        assertEquals(503, originStatus("/"));
        assertEquals(503, originStatus("/" + UUID.randomUUID() + "/x.ism/manifest"));
        JsonNode started = pollToEnd(b.call("POST", "streamingEndpoints/default/start?api-version=2022-11-01", null), states);
        assertEquals("Running", started.get("properties").get("resourceState").asText());
        assertEquals(List.of("Stopping", "Starting"), states);
        assertEquals(200, originStatus("/"));
        JsonNode scaled = pollToEnd(b.call("POST", "streamingEndpoints/default/scale?api-version=2022-11-01", "{\"scaleUnit\":2}"), states);
        assertEquals(2, scaled.get("properties").get("scaleUnits").asInt());
        assertEquals("Running", scaled.get("properties").get("resourceState").asText());
        assertEquals(404, b.call("GET", "streamingEndpoints/other?api-version=2022-11-01", null).status());
    }

    JsonNode awaitJob(String job) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode now = b.call("GET", job, null).json().get("properties");
            if (List.of("Finished", "Error", "Canceled").contains(now.get("state").asText())) {
                return now;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not end");
    }

    String transformAndJob(String in, String out) throws Exception {
        String transform = "transforms/" + name("t");
        assertEquals(201, b.call("PUT", transform + "?api-version=2022-07-01", "{\"properties\":{\"outputs\":[{\"preset\":"
                + "{\"@odata.type\":\"#Microsoft.Media.BuiltInStandardEncoderPreset\",\"presetName\":\"AdaptiveStreaming\"}}]}}").status());
        String job = transform + "/jobs/" + name("j") + "?api-version=2022-07-01";
        ArmTestClient.Reply j = b.call("PUT", job, "{\"properties\":{\"input\":{\"@odata.type\":\"#Microsoft.Media.JobInputAsset\","
                + "\"assetName\":\"" + in + "\"},\"outputs\":[{\"@odata.type\":\"#Microsoft.Media.JobOutputAsset\",\"assetName\":\"" + out + "\"}]}}");
        assertEquals(201, j.status(), j.text());
        return job;
    }

    @Test
    void aJobOnWhatIsNotVideoEndsInErrorAndACancelledOneCanceled(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String in = name("text");
        String out = name("none");
        b.call("PUT", "assets/" + in, "{}");
        b.call("PUT", "assets/" + out, "{}");
        String sas = b.call("POST", "assets/" + in + "/listContainerSas", "{\"permissions\":\"ReadWrite\",\"expiryTime\":\""
                + Instant.now().plusSeconds(600) + "\"}").json().get("assetContainerSasUrls").get(0).asText();
        new BlobContainerClientBuilder().endpoint(sas).buildClient().getBlobClient("notes.mp4").upload(BinaryData.fromString("not a video"));
        JsonNode failed = awaitJob(transformAndJob(in, out));
        assertEquals("Error", failed.get("state").asText());
        assertFalse(failed.get("outputs").get(0).get("error").get("message").asText().isEmpty());
        assertEquals(404, b.call("PUT", "transforms/" + name("none") + "/jobs/y?api-version=2022-07-01", "{}").status());
        String missingOutput = transformAndJob(in, out).replaceAll("/jobs/[^?]+", "/jobs/" + name("j"));
        assertEquals(400, b.call("PUT", missingOutput, "{\"properties\":{\"input\":{\"@odata.type\":\"#Microsoft.Media.JobInputAsset\","
                + "\"assetName\":\"" + in + "\"},\"outputs\":[{\"@odata.type\":\"#Microsoft.Media.JobOutputAsset\",\"assetName\":\"nope\"}]}}").status());

        Path sample = dir.resolve("long.mp4");
        Ffmpeg.makeSample(pair.ffmpeg(), sample, 20);
        String video = name("video");
        b.call("PUT", "assets/" + video, "{}");
        String vsas = b.call("POST", "assets/" + video + "/listContainerSas", "{\"permissions\":\"ReadWrite\",\"expiryTime\":\""
                + Instant.now().plusSeconds(600) + "\"}").json().get("assetContainerSasUrls").get(0).asText();
        new BlobContainerClientBuilder().endpoint(vsas).buildClient().getBlobClient("long.mp4").uploadFromFile(sample.toString());
        String job = transformAndJob(video, out);
        String cancel = job.replace("?api-version", "/cancelJob?api-version");
        assertEquals(200, b.call("POST", cancel, null).status());
        assertEquals("Canceled", awaitJob(job).get("state").asText());
        assertEquals(200, b.call("DELETE", job, null).status());
        assertEquals(404, b.call("GET", job, null).status());
    }

    @Test
    void aV3EncodeIsServedByTheOriginInEveryFormat(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path sample = dir.resolve("clip.mp4");
        Ffmpeg.makeSample(pair.ffmpeg(), sample, 4);
        String in = name("in");
        String out = name("out");
        b.call("PUT", "assets/" + in, "{}");
        b.call("PUT", "assets/" + out, "{}");
        String sas = b.call("POST", "assets/" + in + "/listContainerSas", "{\"permissions\":\"ReadWrite\",\"expiryTime\":\""
                + Instant.now().plusSeconds(600) + "\"}").json().get("assetContainerSasUrls").get(0).asText();
        new BlobContainerClientBuilder().endpoint(sas).buildClient().getBlobClient("clip.mp4").uploadFromFile(sample.toString());
        String transform = "transforms/" + name("t");
        ArmTestClient.Reply t = b.call("PUT", transform + "?api-version=2022-07-01", "{\"properties\":{\"outputs\":[{\"preset\":"
                + "{\"@odata.type\":\"#Microsoft.Media.BuiltInStandardEncoderPreset\",\"presetName\":\"AdaptiveStreaming\"}}]}}");
        assertEquals(201, t.status(), t.text());
        assertEquals("StopProcessingJob", t.json().get("properties").get("outputs").get(0).get("onError").asText());
        assertEquals(400, b.call("PUT", transform + "x?api-version=2022-07-01", "{\"properties\":{\"outputs\":[{\"preset\":"
                + "{\"@odata.type\":\"#Microsoft.Media.BuiltInStandardEncoderPreset\",\"presetName\":\"H265AdaptiveStreaming\"}}]}}").status());
        String job = transform + "/jobs/" + name("j") + "?api-version=2022-07-01";
        ArmTestClient.Reply j = b.call("PUT", job, "{\"properties\":{\"input\":{\"@odata.type\":\"#Microsoft.Media.JobInputAsset\","
                + "\"assetName\":\"" + in + "\"},\"outputs\":[{\"@odata.type\":\"#Microsoft.Media.JobOutputAsset\",\"assetName\":\"" + out + "\"}]}}");
        assertEquals(201, j.status(), j.text());
        assertEquals("Queued", j.json().get("properties").get("state").asText());
        assertEquals("BuiltInStandardEncoderPreset_0", j.json().get("properties").get("outputs").get(0).get("label").asText());
        List<String> states = new ArrayList<>();
        JsonNode done = null;
        for (int i = 0; i < 600 && done == null; i++) {
            JsonNode now = b.call("GET", job, null).json().get("properties");
            String s = now.get("state").asText();
            if (states.isEmpty() || !states.get(states.size() - 1).equals(s)) {
                states.add(s);
            }
            if (s.equals("Finished") || s.equals("Error") || s.equals("Canceled")) {
                done = now;
            } else {
                Thread.sleep(200);
            }
        }
        assertNotNull(done, states.toString());
        assertEquals("Finished", done.get("state").asText(), done.toString());
        assertTrue(states.contains("Processing"), states.toString());
        assertEquals(100, done.get("outputs").get(0).get("progress").asInt());

        String locator = name("pub");
        String id = UUID.randomUUID().toString();
        assertEquals(201, b.call("PUT", "streamingLocators/" + locator, "{\"properties\":{\"assetName\":\"" + out
                + "\",\"streamingPolicyName\":\"Predefined_DownloadAndClearStreaming\",\"streamingLocatorId\":\"" + id + "\"}}").status());
        JsonNode paths = b.call("POST", "streamingLocators/" + locator + "/listPaths", null).json();
        List<String> urls = new ArrayList<>();
        paths.get("streamingPaths").forEach(sp -> sp.get("paths").forEach(x -> urls.add(x.asText())));
        assertEquals(5, urls.size(), urls.toString());
        for (String path : urls) {
            assertTrue(path.startsWith("/" + id + "/clip.ism/manifest"), path);
            HttpResponse<byte[]> r = b.http.send(HttpRequest.newBuilder(URI.create(b.dc.originUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            String text = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(text.contains("#EXTM3U") || text.contains("<MPD") || text.contains("<SmoothStreamingMedia"), path);
        }
        String download = paths.get("downloadPaths").get(0).asText();
        HttpResponse<byte[]> mp4 = b.http.send(HttpRequest.newBuilder(URI.create(b.dc.originUrl() + download)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, mp4.statusCode(), download);
        assertEquals("ftyp", new String(mp4.body(), 4, 4, StandardCharsets.US_ASCII));
        // an unknown id is a 404 on this origin
        assertEquals(404, originStatus("/" + UUID.randomUUID() + "/clip.ism/manifest"));
        // the datacenter keeps it all across a stop and start
        pair.member("b").stop();
        pair.member("b").start();
        assertEquals(200, b.call("GET", "streamingLocators/" + locator, null).status());
        assertEquals("Finished", b.call("GET", job, null).json().get("properties").get("state").asText());
        assertEquals(200, originStatus(urls.get(0)));
    }
}
