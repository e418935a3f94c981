package dev.amsh.arm;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Kind;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A v3 context as the contexts file holds it, reaching its account: the api key from env:, the CA file, the trace. */
class V3ContextWireTest {
    @TempDir
    Path dir;
    ArmWire wire;
    final List<HttpTrace> traces = new CopyOnWriteArrayList<>();
    final Redactor redactor = new Redactor();

    @BeforeEach
    void start() throws IOException {
        wire = new ArmWire(dir);
    }

    @AfterEach
    void stop() throws IOException {
        wire.close();
    }

    AccountContext context(String apiKey, String caFile) {
        ContextConfig c = ContextConfig.v3(new ContextConfig.Arm(wire.endpoint(), ArmWire.SUB, ArmWire.RG, ArmWire.ACCOUNT,
                apiKey, null, null, null, null, null, caFile, null, null), null, null);
        return new AccountContext("b", c, ContextEnvironment.create(redactor, traces::add, Map.of("RMS_KEY", ArmWire.API_KEY)));
    }

    @Test
    void aV3ContextListsAssetsWithItsKeyFromTheEnvironmentAndTracesMasked() throws Exception {
        wire.server.enqueue(wire.token("t"));
        wire.server.enqueue(ArmWire.json(200, "{\"value\":[{\"name\":\"movie\",\"properties\":{\"assetId\":"
                + "\"1b648c1a-2268-461d-a1da-742bde23db40\",\"container\":\"asset-1\"}}]}"));
        AccountContext b = context("env:RMS_KEY", wire.caFile.toString());
        assertEquals(Kind.V3, b.kind());
        List<MediaAsset> assets = b.datacenter().assets(new AssetQuery("movie", null, null)).toList();
        assertEquals("movie", assets.get(0).name());
        RecordedRequest token = wire.server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(token.getBody().readUtf8().contains(ArmWire.API_KEY), "the key from env:RMS_KEY");
        RecordedRequest list = wire.server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("name eq 'movie'", list.getRequestUrl().queryParameter("$filter"), "an exact name goes to the service");
        assertEquals(2, b.restCalls(), "token and list counted");
        assertFalse(traces.toString().contains(ArmWire.API_KEY), "no key in the trace");
        assertEquals(Redactor.MASK, redactor.redact(ArmWire.API_KEY), "the key is a known secret");
    }

    @Test
    void aV2OnlyCommandOnAV3ContextIsOneLine() {
        AmshException e = assertThrows(AmshException.class, () -> context("env:RMS_KEY", null).ams());
        assertTrue(e.oneLine().startsWith("context b is a v3 context; this command is v2's alone"), e.oneLine());
    }
}
