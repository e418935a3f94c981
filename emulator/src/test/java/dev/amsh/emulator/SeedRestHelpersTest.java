package dev.amsh.emulator;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.util.BinaryData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Drives one emulated datacenter with plain HTTP exactly as the documented procedure's REST helpers do:
 * the ACS form post, the 301 followed by hand, CreateLocator with an Id, CreateFileInfos?assetid='…'.
 */
@ExtendWith(LocalPairExtension.class)
class SeedRestHelpersTest {
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    String acsToken(Endpoints.DatacenterEndpoints dc, String key) throws Exception {
        String body = "grant_type=client_credentials&client_id=" + dc.accountName() + "&client_secret="
                + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&scope=" + URLEncoder.encode("urn:WindowsAzureMediaServices", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(dc.acsTokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? json.readTree(r.body()).get("access_token").asText() : "HTTP " + r.statusCode();
    }

    HttpResponse<String> request(String method, String root, String resource, String query, String token, String body)
            throws Exception {
        String url = root + resource + (query == null ? "" : "?" + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json;odata=verbose")
                .header("Accept", "application/json;odata=verbose")
                .header("DataServiceVersion", "3.0").header("MaxDataServiceVersion", "3.0")
                .header("x-ms-version", "2.1").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** DateTime.ToString("G", en-US), as the sample formats StartTime. */
    static String enUsG(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", java.util.Locale.US)
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    /** The sample's recursion: on 301, re-send the same verb and body to Location. */
    HttpResponse<String> followOnce(String method, String root, String resource, String query, String token, String body)
            throws Exception {
        HttpResponse<String> r = request(method, root, resource, query, token, body);
        if (r.statusCode() == 301) {
            return request(method, r.headers().firstValue("Location").orElseThrow(), resource, query, token, body);
        }
        return r;
    }

    @Test
    void theSeedsRestCallsWorkAgainstTheEmulator(LocalPair pair) throws Exception {
        Endpoints.DatacenterEndpoints b = pair.endpoints(null, null).get("b");

        assertEquals("HTTP 401", acsToken(b, "wrong-key"), "a wrong key is refused as the service did");
        String token = acsToken(b, b.accountKey());

        HttpResponse<String> moved = request("GET", b.globalApiRoot(), "Assets", null, token, null);
        assertEquals(301, moved.statusCode());
        assertEquals(b.clusterApiRoot(), moved.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> asset = followOnce("POST", b.globalApiRoot(), "Assets", null, token,
                "{\"Name\":\"seed-target\",\"Options\":\"0\"}");
        assertEquals(201, asset.statusCode(), asset.body());
        JsonNode a = json.readTree(asset.body()).get("d");
        String assetId = a.get("Id").asText();
        assertTrue(assetId.startsWith("nb:cid:UUID:"));
        assertTrue(a.get("Created").asText().startsWith("/Date("), a.toString());
        assertTrue(asset.body().contains("\"\\/Date("), "dates escaped as the service wrote them");
        assertTrue(asset.headers().firstValue("Location").orElseThrow().contains("Assets('nb%3Acid%3AUUID%3A"));

        // a blob lands in the asset's container (what the copy step does), then CreateFileInfos registers it
        BlobContainerClient container = new BlobServiceClientBuilder().endpoint(b.blobEndpoint())
                .credential(new StorageSharedKeyCredential(b.storageAccountName(), b.storageAccountKey()))
                .httpClient(new OkHttpAsyncHttpClientBuilder().build()).buildClient()
                .getBlobContainerClient("asset-" + assetId.substring(12));
        container.getBlobClient("movie.ism").upload(BinaryData.fromString("<smil/>"));
        HttpResponse<String> infos = followOnce("GET", b.globalApiRoot(), "CreateFileInfos",
                "assetid='" + URLEncoder.encode(assetId, StandardCharsets.UTF_8) + "'", token, null);
        assertEquals(204, infos.statusCode(), infos.body());
        HttpResponse<String> files = request("GET", b.clusterApiRoot(), "Assets('" + assetId + "')/Files", null, token, null);
        JsonNode file = json.readTree(files.body()).get("d").get("results").get(0);
        assertEquals("movie.ism", file.get("Name").asText());
        assertEquals("7", file.get("ContentFileSize").asText(), "Int64 travels as a string");

        HttpResponse<String> policy = request("POST", b.clusterApiRoot(), "AccessPolicies", null, token,
                "{\"Name\":\"RestTest\",\"DurationInMinutes\":\"144000\",\"Permissions\":\"1\"}");
        String policyId = json.readTree(policy.body()).get("d").get("Id").asText();

        String locatorId = "nb:lid:UUID:" + UUID.randomUUID();
        String create = "{ \"AssetId\" : \"" + assetId + "\", \"AccessPolicyId\" : \"" + policyId
                + "\", \"Type\" : \"2\", \"StartTime\" : \"" + enUsG(java.time.Instant.now().minusSeconds(600)) + "\", \"Id\" : \"" + locatorId + "\"}";
        HttpResponse<String> locator = followOnce("POST", b.globalApiRoot(), "Locators", null, token, create);
        assertEquals(201, locator.statusCode(), locator.body());
        JsonNode l = json.readTree(locator.body()).get("d");
        assertEquals(locatorId, l.get("Id").asText());
        assertEquals(b.originUrl() + "/" + locatorId.substring(12) + "/", l.get("Path").asText());

        HttpResponse<String> again = followOnce("POST", b.globalApiRoot(), "Locators", null, token, create);
        assertEquals(409, again.statusCode(), "a duplicate locator Id is a conflict");
        assertTrue(json.readTree(again.body()).get("error").get("message").get("value").asText().contains("already exists"));

        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(URI.create(l.get("Path").asText() + "movie.ism")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, streamed.statusCode());
        assertEquals("<smil/>", streamed.body());
    }

    @Test
    void lightJsonAndRequiredHeaders(LocalPair pair) throws Exception {
        Endpoints.DatacenterEndpoints a = pair.endpoints(null, null).get("a");
        String token = acsToken(a, a.accountKey());
        HttpResponse<String> light = http.send(HttpRequest.newBuilder(URI.create(a.clusterApiRoot() + "MediaProcessors"))
                .header("Accept", "application/json").header("x-ms-version", "2.19")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, light.statusCode());
        JsonNode body = json.readTree(light.body());
        assertEquals(a.clusterApiRoot() + "$metadata#MediaProcessors", body.get("odata.metadata").asText());
        assertEquals("Media Encoder Standard", body.get("value").get(0).get("Name").asText());

        HttpResponse<String> noVersion = http.send(HttpRequest.newBuilder(URI.create(a.clusterApiRoot() + "Assets"))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noVersion.statusCode());
        assertTrue(json.readTree(noVersion.body()).get("odata.error").get("message").get("value").asText().contains("x-ms-version"));

        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(a.clusterApiRoot() + "Assets"))
                .header("x-ms-version", "2.19").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode());
    }
}
