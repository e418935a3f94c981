package dev.amsh.emulator;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.StorageSharedKeyCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The service rules the failover procedure meets, on a real emulated datacenter. */
@ExtendWith(LocalPairExtension.class)
class EmulatorRulesTest {
    static BlobContainerClient container(Endpoints.DatacenterEndpoints dc, String assetId) {
        return new BlobServiceClientBuilder().endpoint(dc.blobEndpoint())
                .credential(new StorageSharedKeyCredential(dc.storageAccountName(), dc.storageAccountKey()))
                .httpClient(new OkHttpAsyncHttpClientBuilder().build()).buildClient()
                .getBlobContainerClient("asset-" + assetId.substring(12));
    }

    String assetWithFile(RawClient c, String file, byte[] content) throws Exception {
        String asset = c.createAsset("rules-" + UUID.randomUUID(), 0);
        container(c.dc, asset).getBlobClient(file).upload(BinaryData.fromBytes(content));
        assertEquals(204, c.call("GET", "CreateFileInfos?assetid='" + asset.replace(":", "%3A") + "'", null).status());
        return asset;
    }

    @Test
    void theClientsRequestIdIsEchoedOnAnswersAndErrorsAndTheGlobal301KeepsTheAddressedHost(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        for (String resource : List.of("Assets?$top=1", "Assets('nb:cid:UUID:00000000-0000-0000-0000-000000000000')")) {
            HttpResponse<String> r = c.http.send(HttpRequest.newBuilder(URI.create(c.dc.clusterApiRoot() + resource))
                    .header("Accept", "application/json").header("x-ms-version", "2.19").header("DataServiceVersion", "3.0")
                    .header("Authorization", "Bearer " + c.token).header("x-ms-client-request-id", "rid-" + resource.length())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(Optional.of("rid-" + resource.length()), r.headers().firstValue("x-ms-client-request-id"), resource);
            assertTrue(r.headers().firstValue("request-id").isPresent());
        }
        // a client reaching the global root under another host name (a proxy, a tunnel) is sent on under that name
        try (Socket s = new Socket("127.0.0.1", URI.create(c.dc.globalApiRoot()).getPort())) {
            s.getOutputStream().write(("GET /global/api/Assets HTTP/1.1\r\nHost: media.example:8443\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(head.startsWith("HTTP/1.1 301") && head.contains("Location: http://media.example:8443/api/"), head);
        }
    }

    @Test
    void aMergeMayRepeatUnchangedReadOnlyPropertiesButAChangedOneChangesNothing(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        String asset = c.createAsset("merge-" + System.nanoTime(), 0);
        RawClient.Reply read = c.call("GET", "Assets('" + asset + "')", null);
        String created = read.d().get("Created").asText();
        assertEquals(204, c.call("MERGE", "Assets('" + asset + "')", "{\"Id\":\"" + asset + "\",\"Options\":0,\"Created\":\""
                + created + "\",\"Name\":\"renamed\"}").status(), "unchanged read-only properties ride along");
        assertEquals("renamed", c.call("GET", "Assets('" + asset + "')", null).d().get("Name").asText());
        RawClient.Reply refused = c.call("MERGE", "Assets('" + asset + "')", "{\"Options\":1,\"Name\":\"again\"}");
        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("'Options' cannot be updated"), refused.text());
        assertEquals("renamed", c.call("GET", "Assets('" + asset + "')", null).d().get("Name").asText(),
                "a refused MERGE applies nothing");
    }

    @Test
    void atMostFiveLocatorsPerAssetAndCallerChosenIdsAreUnique(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        String asset = assetWithFile(c, "x.mp4", new byte[10]);
        String read = c.createPolicy(1, 60);
        String id = "nb:lid:UUID:" + UUID.randomUUID();
        assertEquals(201, c.createLocator(asset, read, 2, id).status());
        assertEquals(409, c.createLocator(asset, read, 2, id).status(), "duplicate Id");
        for (int i = 0; i < 4; i++) {
            assertEquals(201, c.createLocator(asset, read, 1, null).status());
        }
        RawClient.Reply sixth = c.createLocator(asset, read, 2, null);
        assertEquals(409, sixth.status());
        assertTrue(sixth.text().contains("5 locators"), sixth.text());
        assertEquals(204, c.call("DELETE", "Locators('" + id + "')", null).status());
        assertEquals(201, c.createLocator(asset, read, 2, id).status(), "a deleted locator's Id can be used again");
    }

    @Test
    void originLocatorsNeedReadOnlyPoliciesFilesAndClearAssets(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        String withFile = assetWithFile(c, "x.mp4", new byte[10]);
        assertEquals(400, c.createLocator(withFile, c.createPolicy(3, 60), 2, null).status(), "Read+Write policy");
        String empty = c.createAsset("rules-empty", 0);
        assertEquals(400, c.createLocator(empty, c.createPolicy(1, 60), 2, null).status(), "no files yet");
        String encrypted = c.createAsset("rules-encrypted", 1);
        container(c.dc, encrypted).getBlobClient("x.mp4").upload(BinaryData.fromBytes(new byte[3]));
        c.call("GET", "CreateFileInfos?assetid='" + encrypted + "'", null);
        RawClient.Reply refused = c.createLocator(encrypted, c.createPolicy(1, 60), 2, null);
        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("StorageEncrypted"));
        assertEquals(1, c.call("GET", "Assets('" + encrypted + "')", null).d().get("Options").asInt());
    }

    @Test
    void sasLocatorPathsAreRealSasUrlsWithThePolicysPermissions(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("b"));
        String asset = assetWithFile(c, "movie.mp4", "hello".getBytes());
        RawClient.Reply read = c.createLocator(asset, c.createPolicy(1, 60), 1, null);
        String path = read.d().get("Path").asText();
        assertTrue(path.contains("sr=c") && path.contains("si=" + read.d().get("Id").asText().substring(12)), path);
        BlobContainerClient viaRead = new BlobContainerClientBuilder().endpoint(path)
                .httpClient(new OkHttpAsyncHttpClientBuilder().build()).buildClient();
        assertEquals("hello", viaRead.getBlobClient("movie.mp4").downloadContent().toString());
        BlobStorageException denied = assertThrows(BlobStorageException.class,
                () -> viaRead.getBlobClient("new.mp4").upload(BinaryData.fromString("no")));
        assertEquals(403, denied.getStatusCode(), "a read policy does not write");

        String write = c.createLocator(asset, c.createPolicy(2, 60), 1, null).d().get("Path").asText();
        new BlobContainerClientBuilder().endpoint(write).httpClient(new OkHttpAsyncHttpClientBuilder().build()).buildClient()
                .getBlobClient("new.mp4").upload(BinaryData.fromString("yes"));
        assertEquals(400, c.call("MERGE", "Locators('" + read.d().get("Id").asText() + "')",
                "{\"StartTime\":\"2026-01-01T00:00:00Z\"}").status(), "SAS locators cannot be updated");
        assertEquals(204, c.call("DELETE", "Locators('" + read.d().get("Id").asText() + "')", null).status());
        assertThrows(BlobStorageException.class, () -> viaRead.getBlobClient("movie.mp4").downloadContent(),
                "deleting the locator revokes its SAS");
    }

    @Test
    void theOriginServesRangesOnlyInsideTheLocatorsWindow(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        byte[] content = new byte[1000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        String asset = assetWithFile(c, "clip.mp4", content);
        RawClient.Reply origin = c.createLocator(asset, c.createPolicy(1, 60), 2, null);
        String base = origin.d().get("Path").asText();
        HttpResponse<byte[]> range = c.get(base + "clip.mp4", "bytes=100-199");
        assertEquals(206, range.statusCode());
        assertEquals("bytes 100-199/1000", range.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(100, range.body().length);
        assertEquals((byte) 100, range.body()[0]);
        assertEquals(416, c.get(base + "clip.mp4", "bytes=5000-").statusCode());
        assertEquals(404, c.get(base + "nosuch.mp4", null).statusCode());
        String id = origin.d().get("Id").asText();
        assertEquals(204, c.call("MERGE", "Locators('" + id + "')", "{\"StartTime\":\"2099-01-01T00:00:00Z\"}").status());
        assertEquals(404, c.get(base + "clip.mp4", null).statusCode(), "not yet started");
        assertEquals(204, c.call("MERGE", "Locators('" + id + "')",
                "{\"StartTime\":\"2020-01-01T00:00:00Z\",\"ExpirationDateTime\":\"2020-02-01T00:00:00Z\"}").status());
        assertEquals(404, c.get(base + "clip.mp4", null).statusCode(), "expired");
    }

    @Test
    void filtersPagingMergeDeleteAndErrors(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("b"));
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            c.createAsset(prefix + "-" + i, 0);
        }
        RawClient.Reply page = c.call("GET", "Assets?$filter=startswith(Name,'" + prefix + "')&$skip=1&$top=2", null);
        assertEquals(2, page.d().get("results").size());
        assertEquals(prefix + "-1", page.d().get("results").get(0).get("Name").asText());
        RawClient.Reply eq = c.call("GET", "Assets?$filter=Name%20eq%20'" + prefix + "-3'", null);
        assertEquals(1, eq.d().get("results").size());
        String id = eq.d().get("results").get(0).get("Id").asText();
        assertEquals(1, c.call("GET", "Assets?$filter=Id%20eq%20'" + id + "'", null).d().get("results").size());
        assertEquals(204, c.call("MERGE", "Assets('" + id + "')", "{\"Name\":\"" + prefix + "-renamed\"}").status());
        assertEquals(prefix + "-renamed", c.call("GET", "Assets('" + id.replace(":", "%3A") + "')", null).d().get("Name").asText());
        assertEquals(400, c.call("GET", "Assets?$filter=Name%20gt%20'x'", null).status(), "unsupported operator");
        RawClient.Reply unknown = c.call("GET", "Assets?$filter=Nme%20eq%20'x'", null);
        assertEquals(400, unknown.status(), "unknown property");
        assertTrue(unknown.text().contains("No property 'Nme'"), unknown.text());
        assertEquals(204, c.call("DELETE", "Assets('" + id + "')", null).status());
        RawClient.Reply gone = c.call("GET", "Assets('" + id + "')", null);
        assertEquals(404, gone.status());
        assertTrue(gone.body().get("error").get("message").get("value").asText().contains("does not exist"));
        assertEquals(500, c.call("POST", "AccessPolicies", "{\"Name\":\"x\",\"Permissions\":\"1\"}").status(),
                "DurationInMinutes omitted: 500, as the service did");
    }

    @Test
    void azureAdTokensAndWrongSecrets(LocalPair pair) throws Exception {
        Endpoints.DatacenterEndpoints a = pair.endpoints(null, null).get("a");
        RawClient c = new RawClient(a);
        assertEquals(401, c.acs("d3Jvbmc=").status());
        HttpResponse<String> aad = c.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(a.aadTokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + a.clientId()
                        + "&client_secret=" + java.net.URLEncoder.encode(a.clientSecret(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&resource=https%3A%2F%2Frest.media.azure.net")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, aad.statusCode());
        assertEquals(3, c.json.readTree(aad.body()).get("access_token").asText().split("\\.").length, "a JWT");
        HttpResponse<String> wrong = c.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(a.aadTokenUrl()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + a.clientId()
                        + "&client_secret=nope&resource=https%3A%2F%2Frest.media.azure.net")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
    }
}
