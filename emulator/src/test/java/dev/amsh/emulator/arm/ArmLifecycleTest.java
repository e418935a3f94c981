package dev.amsh.emulator.arm;

import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A v3 pair stopped and started again on its data folder loses nothing: the same CA (clients keep trusting it),
 * the same identity and ports, its resources, the endpoint's state, and tokens issued before the restart.
 */
class ArmLifecycleTest {
    @Test
    void aRestartKeepsTheCaTheResourcesAndTheTokens() throws Exception {
        Path data = Files.createTempDirectory("amsh-arm-life");
        LocalPair.Options options = LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V3, DatacenterKind.V3));
        String asset = "life-" + UUID.randomUUID().toString().substring(0, 8);
        String locatorId = UUID.randomUUID().toString();
        Endpoints before;
        String ca;
        String token;
        try (LocalPair pair = new LocalPair(options).start()) {
            before = pair.endpoints(null, null);
            ca = Files.readString(Path.of(before.caFile()));
            ArmTestClient a = new ArmTestClient(before.get("a"), Path.of(before.caFile()));
            token = a.token();
            assertEquals(201, a.call("PUT", "assets/" + asset, "{\"properties\":{\"alternateId\":\"kept\"}}").status());
            assertEquals(201, a.call("PUT", "streamingLocators/" + asset, "{\"properties\":{\"assetName\":\"" + asset
                    + "\",\"streamingPolicyName\":\"Predefined_ClearStreamingOnly\",\"streamingLocatorId\":\"" + locatorId + "\"}}").status());
            assertEquals(202, a.call("POST", "streamingEndpoints/default/stop?api-version=2022-11-01", null).status());
            Thread.sleep(ArmDatacenter.TRANSITION.toMillis() + 200);
        }
        try (LocalPair pair = new LocalPair(options).start()) {
            Endpoints after = pair.endpoints(null, null);
            assertEquals(ca, Files.readString(Path.of(after.caFile())), "the CA is made once and kept");
            Endpoints.DatacenterEndpoints a1 = before.get("a");
            Endpoints.DatacenterEndpoints a2 = after.get("a");
            assertEquals(a1.subscriptionId(), a2.subscriptionId());
            assertEquals(a1.apiKey(), a2.apiKey());
            assertEquals(a1.armEndpoint(), a2.armEndpoint(), "the port of the last start is reused when free");
            ArmTestClient a = new ArmTestClient(a2, Path.of(after.caFile()));
            ArmTestClient.Reply withOldToken = a.send("GET", a2.armEndpoint() + a.account() + "/assets/" + asset
                    + "?api-version=2022-08-01", null, null, "Bearer " + token);
            assertEquals(200, withOldToken.status(), withOldToken.text());
            assertEquals("kept", withOldToken.json().get("properties").get("alternateId").asText());
            assertEquals(locatorId, a.call("GET", "streamingLocators/" + asset, null).json().get("properties")
                    .get("streamingLocatorId").asText());
            assertEquals("Stopped", a.call("GET", "streamingEndpoints/default?api-version=2022-11-01", null).json()
                    .get("properties").get("resourceState").asText());
            assertEquals(a2.streamingHost(), a.call("GET", "streamingEndpoints/default?api-version=2022-11-01", null).json()
                    .get("properties").get("hostName").asText());
        }
    }
}
