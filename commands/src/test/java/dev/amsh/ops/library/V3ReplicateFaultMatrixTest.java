package dev.amsh.ops.library;

import com.azure.core.util.BinaryData;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.SampleLadder;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.ops.Publishing;
import dev.amsh.ops.V3FailoverLocalPairTest;
import dev.amsh.redact.Redactor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One fault on one v3 write of a v3 → v3 {@code replicate} (asset PUT, blob copy, the 201-only locator PUT, and
 * the sign-in), for each way a service fails: the run replicates the asset once, with every blob and its locator
 * once (a lost locator PUT is looked up, not re-sent into a 409), and b's origin answers a's bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V3ReplicateFaultMatrixTest {
    record Write(String label, Surface surface, String match) {
        @Override
        public String toString() {
            return label;
        }
    }

    LocalPair pair;
    Endpoints endpoints;
    String accountPath;
    Map<String, byte[]> ladder;

    @BeforeAll
    void start() throws Exception {
        pair = new LocalPair(LocalPair.Options.at(Files.createTempDirectory("amsh-v3replfaults"), LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V3, DatacenterKind.V3))).start();
        endpoints = pair.endpoints(null, null);
        Endpoints.DatacenterEndpoints b = endpoints.get("b");
        accountPath = "/subscriptions/" + b.subscriptionId() + "/resourceGroups/" + b.resourceGroup()
                + "/providers/Microsoft.Media/mediaServices/" + b.accountName();
        ladder = SampleLadder.files(pair.ffmpeg(), "clip");
        Contexts contexts = contexts();
        contexts.get("a").datacenter().startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
        contexts.get("b").datacenter().startEndpoint("default").await(Duration.ofMinutes(1), p -> { });
    }

    @AfterAll
    void stop() throws Exception {
        pair.close();
    }

    @AfterEach
    void off() {
        pair.faults().set(FaultPlan.OFF);
    }

    Contexts contexts() {
        return new Contexts(V3FailoverLocalPairTest.configs(endpoints), ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
    }

    Stream<Arguments> cases() {
        List<Write> writes = List.of(
                new Write("token request on b", Surface.API, "POST /auth/token"),
                new Write("PUT assets (replica) on b", Surface.API, "PUT " + accountPath + "/assets/"),
                new Write("PUT blob copy on b", Surface.STORAGE, ".mp4"),
                new Write("PUT streamingLocators (clone) on b", Surface.API, "PUT " + accountPath + "/streamingLocators/"));
        List<Arguments> out = new ArrayList<>();
        for (Write w : writes) {
            for (FaultKind k : List.of(FaultKind.SERVICE_UNAVAILABLE, FaultKind.INTERNAL_ERROR, FaultKind.RESET,
                    FaultKind.LOST_RESPONSE, FaultKind.HANG)) {
                out.add(Arguments.of(w, k));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void oneFaultOnOneV3WriteOfReplicateLeavesOneCompleteReplica(Write write, FaultKind kind) throws Exception {
        Contexts contexts = contexts(); // each case signs in afresh: the token request is one of the writes
        AccountContext a = contexts.get("a");
        AccountContext b = contexts.get("b");
        String name = "v3rf-" + UUID.randomUUID().toString().substring(0, 8);
        MediaAsset source = a.datacenter().createAsset(name, null);
        ladder.forEach((f, bytes) -> a.storage().container(source.container()).getBlobClient(f).upload(BinaryData.fromBytes(bytes)));
        OriginLocator published = new Publishing(Clock.systemUTC()).publish(a.datacenter(), name, 30).locator();
        pair.faults().set(new FaultPlan(1.0, Set.of(kind), 1, Set.of("b"), Set.of(write.surface()), write.match(), 1));

        ReplicateReport r = DatacenterReplicateLocalPairTest.replicate(a, b, DatacenterReplicateLocalPairTest.options(
                new Selection(List.of(name), null, null), false, false));

        assertEquals(1, pair.faults().injected().size(), "the fault was injected where asked: " + pair.faults().injected());
        pair.faults().set(FaultPlan.OFF);
        assertTrue(r.succeeded(), r.summary() + " " + r.assets());
        assertEquals(1, r.count(AssetOutcome.Status.REPLICATED), r.summary());
        MediaAsset replica = DatacenterReplicateLocalPairTest.assertOneReplica(a, b, source);
        List<OriginLocator> onB = b.datacenter().locators(replica);
        assertEquals(1, onB.size(), "the locator once: " + onB);
        assertEquals(published.name(), onB.get(0).name());
        assertEquals(published.guid(), onB.get(0).guid());
        String baseA = a.datacenter().streamingBase(published) + "clip.ism/";
        String baseB = b.datacenter().streamingBase(onB.get(0)) + "clip.ism/";
        assertArrayEquals(DatacenterReplicateLocalPairTest.get(baseA + "manifest"), DatacenterReplicateLocalPairTest.get(baseB + "manifest"));
        // and a re-run finds it whole: no write
        Contexts fresh = contexts();
        ReplicateReport again = DatacenterReplicateLocalPairTest.replicate(fresh.get("a"), fresh.get("b"),
                DatacenterReplicateLocalPairTest.options(new Selection(List.of(name), null, null), false, false));
        assertEquals(1, again.count(AssetOutcome.Status.IN_SYNC), again.summary());
    }
}
