package dev.amsh.emulator.arm;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClientBuilder;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.origin.OriginHandler;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two v3 datacenters as Microsoft's HA sample sets them up (the same asset content and a locator with the same
 * name and streamingLocatorId on each): the same path answers the same bytes on both origins, and the front
 * moves to b when a's streaming endpoint is stopped.
 */
class ArmHighAvailabilityTest {
    @Test
    void theSameLocatorIdOnBothAndTheFrontFollowsAStoppedEndpoint() throws Exception {
        Path data = Files.createTempDirectory("amsh-arm-ha");
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V3, DatacenterKind.V3))).start()) {
            Endpoints e = pair.endpoints(null, null);
            String name = "ha-" + UUID.randomUUID().toString().substring(0, 8);
            String id = UUID.randomUUID().toString();
            for (String dc : List.of("a", "b")) {
                ArmTestClient c = new ArmTestClient(e.get(dc), Path.of(e.caFile()));
                assertEquals(201, c.call("PUT", "assets/" + name, "{}").status());
                String sas = c.call("POST", "assets/" + name + "/listContainerSas", "{\"permissions\":\"ReadWrite\","
                        + "\"expiryTime\":\"" + Instant.now().plusSeconds(600) + "\"}").json().get("assetContainerSasUrls").get(0).asText();
                new BlobContainerClientBuilder().endpoint(sas).buildClient().getBlobClient("movie.mp4")
                        .upload(BinaryData.fromString("the same bytes on both"));
                assertEquals(201, c.call("PUT", "streamingLocators/" + name, "{\"properties\":{\"assetName\":\"" + name
                        + "\",\"streamingPolicyName\":\"Predefined_DownloadOnly\",\"streamingLocatorId\":\"" + id + "\"}}").status());
            }
            ArmTestClient a = new ArmTestClient(e.get("a"), Path.of(e.caFile()));
            String path = a.call("POST", "streamingLocators/" + name + "/listPaths", null).json().get("downloadPaths").get(0).asText();
            assertEquals("/" + id + "/movie.mp4", path);
            HttpResponse<String> fromA = get(a, e.get("a").originUrl() + path);
            HttpResponse<String> fromB = get(a, e.get("b").originUrl() + path);
            assertEquals(200, fromA.statusCode());
            assertEquals(fromA.body(), fromB.body(), "the URL differs only by host");
            assertEquals("a", get(a, pair.front().url() + path).headers().firstValue(OriginHandler.SERVED_BY).orElse(null));

            assertEquals(202, a.call("POST", "streamingEndpoints/default/stop?api-version=2022-11-01", null).status());
            Thread.sleep(ArmDatacenter.TRANSITION.toMillis() + 200);
            assertEquals(503, get(a, e.get("a").originUrl() + path).statusCode());
            HttpResponse<String> viaFront = get(a, pair.front().url() + path);
            assertEquals(200, viaFront.statusCode());
            assertEquals("b", viaFront.headers().firstValue(OriginHandler.SERVED_BY).orElse(null));
            assertEquals("the same bytes on both", viaFront.body());
        }
    }

    static HttpResponse<String> get(ArmTestClient c, String url) throws Exception {
        return c.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
