package dev.amsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The v2 REST documentation's samples (articles/media-services: rest-get-started and rest-upload-files, the
 * .NET-style "SDK" headers) replayed against the pair: the same requests, and the statuses, headers and body
 * shapes the documentation shows for them.
 */
@ExtendWith(LocalPairExtension.class)
class DocumentedSamplesTest {
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    /** The samples' "SDK-style" headers: JSON light, DataServiceVersion 1.0;NetFx, MaxDataServiceVersion 3.0;NetFx. */
    HttpResponse<String> sdkStyle(RawClient c, String method, String resource, String body, String clientRequestId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.dc.clusterApiRoot() + resource))
                .header("Content-Type", "application/json").header("DataServiceVersion", "1.0;NetFx")
                .header("MaxDataServiceVersion", "3.0;NetFx").header("Accept", "application/json").header("Accept-Charset", "UTF-8")
                .header("Authorization", "Bearer " + c.token).header("x-ms-version", "2.11")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (clientRequestId != null) {
            b.header("x-ms-client-request-id", clientRequestId);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** .NET's round-trip date form, seven fraction digits, as every sample's Created reads. */
    static final String ISO_7 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z";

    static void assertServiceHeaders(HttpResponse<String> r) {
        assertEquals("application/json;odata=minimalmetadata;streaming=true;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("3.0;", r.headers().firstValue("DataServiceVersion").orElse(""));
        assertEquals(r.headers().firstValue("request-id").orElse("a"), r.headers().firstValue("x-ms-request-id").orElse("b"),
                "request-id and x-ms-request-id carry the same value");
    }

    @Test
    void theUploadWalkthroughAsDocumented(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));

        // POST AccessPolicies {"Name":"NewUploadPolicy","DurationInMinutes":"440","Permissions":"2"} -> 201
        HttpResponse<String> policy = sdkStyle(c, "POST", "AccessPolicies",
                "{\"Name\":\"NewUploadPolicy\", \"DurationInMinutes\":\"440\", \"Permissions\":\"2\"}", null);
        assertEquals(201, policy.statusCode(), policy.body());
        assertServiceHeaders(policy);
        JsonNode p = json.readTree(policy.body());
        assertTrue(p.get("odata.metadata").asText().endsWith("$metadata#AccessPolicies/@Element"));
        assertEquals(440.0, p.get("DurationInMinutes").doubleValue());
        assertTrue(p.get("DurationInMinutes").isNumber() && p.get("Permissions").isInt());
        String policyId = p.get("Id").asText();
        assertTrue(policy.headers().firstValue("Location").orElseThrow().endsWith("AccessPolicies('" + policyId.replace(":", "%3A") + "')"));

        // POST Assets {"Name":"BigBuckBunny.mp4","Options":"0"}, with x-ms-client-request-id echoed back
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> asset = sdkStyle(c, "POST", "Assets", "{\"Name\":\"BigBuckBunny.mp4\", \"Options\":\"0\"}", requestId);
        assertEquals(201, asset.statusCode());
        assertServiceHeaders(asset);
        assertEquals(requestId, asset.headers().firstValue("x-ms-client-request-id").orElse(""));
        JsonNode a = json.readTree(asset.body());
        assertTrue(a.get("odata.metadata").asText().endsWith("$metadata#Assets/@Element"));
        assertTrue(a.get("Created").asText().matches(ISO_7), "light dates as the samples write them, 2015-01-18T22:18:06.6370575Z: " + a);
        assertTrue(p.get("Created").asText().matches(ISO_7), p.toString());
        assertTrue(policy.body().contains("\"DurationInMinutes\":440.0"), "as the sample: " + policy.body());
        assertTrue(a.has("AlternateId") && a.get("AlternateId").isNull());
        assertTrue(a.get("Uri").asText().endsWith("/asset-" + a.get("Id").asText().substring(12)));
        String assetId = a.get("Id").asText();

        // POST Files -> 201 with ContentFileSize as an Int64 string; MERGE Files repeating read-only values -> 204
        HttpResponse<String> file = sdkStyle(c, "POST", "Files", "{\"IsEncrypted\":\"false\",\"IsPrimary\":\"false\",\"MimeType\":\"video/mp4\","
                + "\"Name\":\"BigBuckBunny.mp4\",\"ParentAssetId\":\"" + assetId + "\"}", null);
        assertEquals(201, file.statusCode(), file.body());
        JsonNode f = json.readTree(file.body());
        assertEquals("0", f.get("ContentFileSize").asText());
        assertTrue(f.get("ContentFileSize").isTextual(), "Int64 travels as a string");
        String fileKey = "Files('" + f.get("Id").asText().replace(":", "%3A") + "')";
        HttpResponse<String> merged = sdkStyle(c, "MERGE", fileKey, "{\"ContentFileSize\":\"1186540\",\"Id\":\"" + f.get("Id").asText()
                + "\",\"MimeType\":\"video/mp4\",\"Name\":\"BigBuckBunny.mp4\",\"ParentAssetId\":\"" + assetId + "\"}", null);
        assertEquals(204, merged.statusCode(), merged.body());

        // a SAS locator with StartTime "2015-…T16:45:53"-style: Path carries st and se (start + 440 minutes), seconds, %3A
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        String startText = start.toString().replace("Z", "");
        HttpResponse<String> sas = sdkStyle(c, "POST", "Locators", "{\"AccessPolicyId\":\"" + policyId + "\",\"AssetId\":\"" + assetId
                + "\",\"StartTime\":\"" + startText + "\",\"Type\":1}", null);
        assertEquals(201, sas.statusCode(), sas.body());
        JsonNode l = json.readTree(sas.body());
        String path = l.get("Path").asText();
        String guid = l.get("Id").asText().substring(12);
        assertTrue(path.contains("si=" + guid), path);
        assertTrue(path.contains("st=" + URLEncoder.encode(start.toString(), StandardCharsets.UTF_8)), path);
        assertTrue(path.contains("se=" + URLEncoder.encode(start.plus(Duration.ofMinutes(440)).toString(), StandardCharsets.UTF_8)), path);
        assertEquals(path, l.get("BaseUri").asText() + l.get("ContentAccessComponent").asText());

        // CreateFileInfos with the verbose headers -> 204
        HttpResponse<String> infos = http.send(HttpRequest.newBuilder(URI.create(c.dc.clusterApiRoot() + "CreateFileInfos?assetid='"
                        + URLEncoder.encode(assetId, StandardCharsets.UTF_8) + "'"))
                .header("Content-Type", "application/json;odata=verbose").header("Accept", "application/json;odata=verbose")
                .header("DataServiceVersion", "3.0").header("MaxDataServiceVersion", "3.0").header("x-ms-version", "2.11")
                .header("Authorization", "Bearer " + c.token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, infos.statusCode(), infos.body());

        // DELETE the locator and the policy -> 204 No Content
        assertEquals(204, sdkStyle(c, "DELETE", "Locators('" + l.get("Id").asText().replace(":", "%3A") + "')", null, null).statusCode());
        assertEquals(204, sdkStyle(c, "DELETE", "AccessPolicies('" + policyId.replace(":", "%3A") + "')", null, null).statusCode());
    }

    /** The encode article's job (verbose headers, DataServiceVersion 1.0;NetFx, MaxDataServiceVersion 3.0;NetFx). */
    HttpResponse<String> documentedJob(RawClient c, String assetId) throws Exception {
        String body = "{\"Name\":\"NewTestJob\",\"InputMediaAssets\":[{\"__metadata\":{\"uri\":\"" + c.dc.clusterApiRoot()
                + "Assets('" + URLEncoder.encode(assetId, StandardCharsets.UTF_8) + "')\"}}],\"Tasks\":[{\"Configuration\":"
                + "\"Adaptive Streaming\",\"MediaProcessorId\":\"nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56\",\"TaskBody\":"
                + "\"<?xml version=\\\"1.0\\\" encoding=\\\"utf-8\\\"?><taskBody><inputAsset>JobInputAsset(0)</inputAsset>"
                + "<outputAsset>JobOutputAsset(0)</outputAsset></taskBody>\"}]}";
        return http.send(HttpRequest.newBuilder(URI.create(c.dc.clusterApiRoot() + "Jobs"))
                .header("Content-Type", "application/json;odata=verbose").header("Accept", "application/json;odata=verbose")
                .header("DataServiceVersion", "1.0;NetFx").header("MaxDataServiceVersion", "3.0;NetFx").header("x-ms-version", "2.11")
                .header("Authorization", "Bearer " + c.token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aJobAsTheEncodeArticleShowsIt(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        HttpResponse<String> created = documentedJob(c, c.createAsset("sample-job-input", 0));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode d = json.readTree(created.body()).get("d");
        // "Created":"2015-01-19T08:04:34.3287057Z", "RunningDuration":0, and the subscriptions typed as a collection
        assertTrue(d.get("Created").asText().matches(ISO_7), d.toString());
        assertTrue(d.get("LastModified").asText().matches(ISO_7), d.toString());
        assertTrue(created.body().contains("\"RunningDuration\":0,"), "a whole Edm.Double as the sample writes it: " + created.body());
        JsonNode subscriptions = d.get("JobNotificationSubscriptions");
        assertEquals("Collection(Microsoft.Cloud.Media.Vod.Rest.Data.Models.JobNotificationSubscription)",
                subscriptions.path("__metadata").path("type").asText(), subscriptions.toString());
        assertTrue(subscriptions.get("results").isArray() && subscriptions.get("results").isEmpty());
        assertEquals("Microsoft.Cloud.Media.Vod.Rest.Data.Models.Job", d.path("__metadata").path("type").asText());
        assertTrue(d.path("Tasks").has("__deferred"), "navigation stays deferred without $select");
    }

    @Test
    void jobsSelectStateGivesTheStateAlone(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        assertEquals(201, documentedJob(c, c.createAsset("sample-select-input", 0)).statusCode());
        // GET Jobs?$select=State, with the sample's verbose headers: each job is its __metadata and its State
        RawClient.Reply all = c.call("GET", "Jobs?$select=State", null);
        assertEquals(200, all.status(), all.text());
        JsonNode results = all.d().get("results");
        assertFalse(results.isEmpty());
        for (JsonNode job : results) {
            List<String> names = new ArrayList<>();
            job.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("__metadata", "State"), names, job.toString());
            assertTrue(job.get("State").isInt());
            assertTrue(job.path("__metadata").path("uri").asText().contains("/Jobs('nb%3Ajid%3AUUID%3A"), job.toString());
        }
        RawClient.Reply two = c.call("GET", "Jobs?$select=Name,State", null);
        List<String> names = new ArrayList<>();
        two.d().get("results").get(0).fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("__metadata", "Name", "State"), names, two.text());
    }
}
