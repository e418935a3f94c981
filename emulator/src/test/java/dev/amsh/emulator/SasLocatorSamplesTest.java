package dev.amsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The SAS locator paths of the v2 documentation's samples, replayed against the pair and its real Azurite: the
 * upload article's Locator (a write policy with a StartTime,
 * {@code ?sv=2012-02-12&sr=c&si=<guid>&sig=…&st=2015-02-18T16%3A45%3A53Z&se=…}) and the get-started article's
 * progressive download URLs (a read policy without one, {@code ?sv=2012-02-12&sr=c&si=<guid>&sig=…&se=…}). Each
 * Path has the samples' {@code sv} and parameter order, and the storage takes an upload or a read through exactly
 * that URL, with the file name put between the container and the query as the articles say.
 */
@ExtendWith(LocalPairExtension.class)
class SasLocatorSamplesTest {
    static final Pattern WITH_START = Pattern.compile(
            "\\?sv=2012-02-12&sr=c&si=([0-9a-f-]{36})&sig=([^&]+)&st=([^&]+)&se=([^&]+)");
    static final Pattern WITHOUT_START = Pattern.compile("\\?sv=2012-02-12&sr=c&si=([0-9a-f-]{36})&sig=([^&]+)&se=([^&]+)");

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theUploadArticlesWriteLocatorTakesPutBlobAndBlocks(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        String assetId = c.createAsset("BigBuckBunny.mp4", 0);
        String policyId = c.createPolicy(2, 440);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        RawClient.Reply created = c.call("POST", "Locators", "{\"AccessPolicyId\":\"" + policyId + "\",\"AssetId\":\""
                + assetId + "\",\"StartTime\":\"" + start.toString().replace("Z", "") + "\",\"Type\":1}");
        assertEquals(201, created.status(), created.text());
        JsonNode l = created.d();
        String guid = l.get("Id").asText().substring("nb:lid:UUID:".length());
        String query = l.get("ContentAccessComponent").asText();
        Matcher m = WITH_START.matcher(query);
        assertTrue(m.matches(), "the upload article's order and sv: " + query);
        assertEquals(guid, m.group(1));
        assertEquals(32, Base64.getDecoder().decode(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8)).length,
                "an HMAC-SHA256, base64 and escaped");
        assertEquals(URLEncoder.encode(start.toString(), StandardCharsets.UTF_8), m.group(3), "whole seconds, colons as %3A");
        assertEquals(URLEncoder.encode(start.plus(Duration.ofMinutes(440)).toString(), StandardCharsets.UTF_8), m.group(4));
        assertEquals(l.get("BaseUri").asText() + query, l.get("Path").asText());

        // Put Blob through BaseUri + "/" + name + ContentAccessComponent, as the article builds its upload URL
        byte[] whole = "the upload article's BigBuckBunny.mp4".getBytes(StandardCharsets.UTF_8);
        String wholeUrl = l.get("BaseUri").asText() + "/BigBuckBunny.mp4" + query;
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(wholeUrl)).header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(whole)));
        assertEquals(201, put.statusCode(), put.body());

        // Put Block twice and Put Block List, as the SDKs upload a large file through the same URL
        String blocksUrl = l.get("BaseUri").asText() + "/in-blocks.mp4" + query;
        String id1 = Base64.getEncoder().encodeToString("block-000001".getBytes(StandardCharsets.UTF_8));
        String id2 = Base64.getEncoder().encodeToString("block-000002".getBytes(StandardCharsets.UTF_8));
        for (String[] block : new String[][]{{id1, "first half, "}, {id2, "second half"}}) {
            HttpResponse<String> b = send(HttpRequest.newBuilder(URI.create(blocksUrl + "&comp=block&blockid="
                    + URLEncoder.encode(block[0], StandardCharsets.UTF_8)))
                    .PUT(HttpRequest.BodyPublishers.ofString(block[1])));
            assertEquals(201, b.statusCode(), b.body());
        }
        String list = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>" + id1 + "</Latest><Latest>" + id2
                + "</Latest></BlockList>";
        HttpResponse<String> committed = send(HttpRequest.newBuilder(URI.create(blocksUrl + "&comp=blocklist"))
                .PUT(HttpRequest.BodyPublishers.ofString(list)));
        assertEquals(201, committed.statusCode(), committed.body());

        // a write-only policy reads nothing, and a signature that is not the one made for this token is refused
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(wholeUrl)).GET()).statusCode());
        String forged = wholeUrl.replace("&sig=" + m.group(2), "&sig=" + URLEncoder.encode(
                Base64.getEncoder().encodeToString(new byte[32]), StandardCharsets.UTF_8));
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(forged)).header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofString("forged"))).statusCode());

        // what went up is in the asset's container, byte for byte, read back through a read locator's own Path
        String read = readLocatorQuery(c, assetId);
        String base = l.get("BaseUri").asText();
        assertArrayEquals(whole, c.get(base + "/BigBuckBunny.mp4" + read, null).body());
        assertEquals("first half, second half", new String(c.get(base + "/in-blocks.mp4" + read, null).body(),
                StandardCharsets.UTF_8));
    }

    @Test
    void theProgressiveDownloadUrlsReadThroughAReadLocator(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        String assetId = c.createAsset("progressive", 0);
        String writeQuery = c.createLocator(assetId, c.createPolicy(2, 60), 1, null).d().get("ContentAccessComponent").asText();
        RawClient.Reply asset = c.call("GET", "Assets('" + URLEncoder.encode(assetId, StandardCharsets.UTF_8) + "')", null);
        String base = asset.d().get("Uri").asText();
        byte[] mp4 = new byte[64 * 1024];
        for (int i = 0; i < mp4.length; i++) {
            mp4[i] = (byte) (i * 31 + 7);
        }
        String name = "BigBuckBunny_H264_650kbps_AAC_und_ch2_96kbps.mp4";
        assertEquals(201, send(HttpRequest.newBuilder(URI.create(base + "/" + name + writeQuery))
                .header("x-ms-blob-type", "BlockBlob").PUT(HttpRequest.BodyPublishers.ofByteArray(mp4))).statusCode());

        String policyId = c.createPolicy(1, 43200);
        RawClient.Reply created = c.createLocator(assetId, policyId, 1, null);
        assertEquals(201, created.status(), created.text());
        JsonNode l = created.d();
        String query = l.get("ContentAccessComponent").asText();
        Matcher m = WITHOUT_START.matcher(query);
        assertTrue(m.matches(), "the progressive download URLs' order and sv, no st without a StartTime: " + query);
        assertEquals(l.get("Id").asText().substring("nb:lid:UUID:".length()), m.group(1));
        Instant se = Instant.parse(URLDecoder.decode(m.group(3), StandardCharsets.UTF_8));
        assertEquals(se.truncatedTo(ChronoUnit.SECONDS), se);
        assertTrue(Duration.between(Instant.now(), se).toMinutes() > 43200 - 5, "expiry is now + the policy's duration: " + se);

        // the file URL the article lists: BaseUri + "/" + name + ContentAccessComponent, whole and by range
        String url = l.get("BaseUri").asText() + "/" + name + query;
        HttpResponse<byte[]> whole = c.get(url, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(mp4, whole.body());
        HttpResponse<byte[]> part = c.get(url, "bytes=1000-1999");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(mp4, 1000, 2000), part.body());
        // a read policy writes nothing
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(url)).header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofString("overwrite"))).statusCode());

        // deleting the locator removes its stored policy: the same URL is refused from then on
        assertEquals(204, c.call("DELETE", "Locators('" + URLEncoder.encode(l.get("Id").asText(), StandardCharsets.UTF_8)
                + "')", null).status());
        assertEquals(403, c.get(url, null).statusCode());
    }

    private String readLocatorQuery(RawClient c, String assetId) throws Exception {
        RawClient.Reply r = c.createLocator(assetId, c.createPolicy(1, 60), 1, null);
        assertEquals(201, r.status(), r.text());
        return r.d().get("ContentAccessComponent").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
