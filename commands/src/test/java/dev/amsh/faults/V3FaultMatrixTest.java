package dev.amsh.faults;

import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.V3FailoverLocalPairTest;
import dev.amsh.redact.Redactor;
import dev.amsh.storage.CopyCancellation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One fault on one write of a v2 → v3 failover, for each write on the v3 side and each way a service fails: the run
 * completes with exactly one replica on b holding every blob and every locator once (a lost answer to the 201-only
 * locator PUT is looked up, not re-sent into a 409), and nothing is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V3FaultMatrixTest {
    record Write(String label, String datacenter, Surface surface, String match) {
        @Override
        public String toString() {
            return label;
        }
    }

    LocalPair pair;
    Endpoints endpoints;
    String accountPath;

    @BeforeAll
    void start() throws Exception {
        pair = new LocalPair(LocalPair.Options.at(Files.createTempDirectory("amsh-v3faults"), LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3))).start();
        endpoints = pair.endpoints(null, null);
        Endpoints.DatacenterEndpoints b = endpoints.get("b");
        accountPath = "/subscriptions/" + b.subscriptionId() + "/resourceGroups/" + b.resourceGroup()
                + "/providers/Microsoft.Media/mediaServices/" + b.accountName();
    }

    @AfterAll
    void stop() throws Exception {
        pair.close();
    }

    @AfterEach
    void off() {
        pair.faults().set(FaultPlan.OFF);
    }

    Stream<Arguments> cases() {
        List<Write> writes = List.of(
                new Write("token request on b", "b", Surface.API, "POST /auth/token"),
                new Write("PUT assets (target) on b", "b", Surface.API, "PUT " + accountPath + "/assets/"),
                new Write("PUT container on b", "b", Surface.STORAGE, "PUT /"),
                new Write("PUT blob copy on b", "b", Surface.STORAGE, ".mp4"),
                new Write("PUT streamingLocators (clone) on b", "b", Surface.API, "PUT " + accountPath + "/streamingLocators/"));
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
    void oneFaultOnOneV3WriteLeavesACompleteReplicaAndNothingBehind(Write write, FaultKind kind) {
        // contexts of their own, so each case signs in afresh (the token request is one of the writes)
        Contexts contexts = new Contexts(V3FailoverLocalPairTest.configs(endpoints),
                ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
        AccountContext a = contexts.get("a");
        AccountContext b = contexts.get("b");
        Asset source = PublishedAssets.make(a, "v3fm-" + UUID.randomUUID().toString().substring(0, 8), 2);
        pair.faults().set(new FaultPlan(1.0, Set.of(kind), 1, Set.of(write.datacenter()), Set.of(write.surface()), write.match(), 1));

        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, source.id(),
                DatacenterFailover.Options.defaults(), s -> { }, p -> { }, new CopyCancellation());

        assertEquals(1, pair.faults().injected().size(), "the fault was injected where asked: " + pair.faults().injected());
        pair.faults().set(FaultPlan.OFF);
        assertTrue(r.clean(), "no leftovers: " + r.leftovers());
        Datacenter db = b.datacenter();
        List<MediaAsset> targets = db.named(source.containerName());
        assertEquals(1, targets.size(), "one replica on b");
        MediaAsset target = targets.get(0);
        assertEquals("{\"amshReplicaOf\":\"" + source.id() + "\"}", target.alternateId());
        Set<String> want = a.storage().list(source.containerName()).stream().map(x -> x.name() + ":" + x.length()).collect(Collectors.toSet());
        Set<String> got = b.storage().list(target.container()).stream().map(x -> x.name() + ":" + x.length()).collect(Collectors.toSet());
        assertEquals(want, got, "every blob, with its length");
        Set<UUID> guids = a.datacenter().locators(a.datacenter().resolve(source.id())).stream().map(OriginLocator::guid)
                .collect(Collectors.toSet());
        List<OriginLocator> onB = db.locators(target);
        assertEquals(guids, onB.stream().map(OriginLocator::guid).collect(Collectors.toSet()), "every locator's GUID on b");
        assertEquals(guids.size(), onB.size(), "each once");
        assertEquals(r.originalUrl().replaceFirst("^[a-z]+://[^/]+", ""), r.replicatedUrl().replaceFirst("^[a-z]+://[^/]+", ""));
    }
}
