package dev.amsh.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** A pair of its own: state survives a restart, one datacenter can go down and up, tokens expire. */
class LifecycleTest {
    @Test
    void stateSurvivesARestartAndADatacenterCanBeStoppedAndStarted(@TempDir Path data) throws Exception {
        String assetId;
        Endpoints.DatacenterEndpoints before;
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())).start()) {
            before = pair.endpoints(null, null).get("a");
            RawClient c = new RawClient(before);
            assetId = c.createAsset("survivor", 0);
            pair.datacenter("a").stop();
            assertThrows(ConnectException.class, () -> new RawClient(before), "a is down");
            RawClient b = new RawClient(pair.endpoints(null, null).get("b"));
            assertEquals(200, b.call("GET", "Assets", null).status(), "b stays up");
            pair.datacenter("a").start();
            assertEquals("survivor", new RawClient(before).call("GET", "Assets('" + assetId + "')", null).d().get("Name").asText());
        }
        try (LocalPair again = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())).start()) {
            Endpoints.DatacenterEndpoints after = again.endpoints(null, null).get("a");
            assertEquals(before.accountKey(), after.accountKey(), "credentials are kept");
            RawClient c = new RawClient(after);
            assertEquals("survivor", c.call("GET", "Assets('" + assetId + "')", null).d().get("Name").asText());
            assertTrue(EmulatorRulesTest.container(after, assetId).exists(), "its container too");
        }
    }

    @Test
    void tokensExpire(@TempDir Path data) throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withTokenLifetime(Duration.ofSeconds(3))).start()) {
            RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
            assertEquals(200, c.call("GET", "Assets", null).status());
            Thread.sleep(3200);
            assertEquals(401, c.call("GET", "Assets", null).status());
        }
    }
}
