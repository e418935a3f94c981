package dev.amsh.faults;

import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.faults.FaultInjector;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.PairContexts;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each fault kind alone against each write of the procedure (one fault, injected exactly there), then the state
 * of both datacenters: the failover finished in its first run, b holds one target asset with every blob and
 * every origin locator (same Id and window), and no temporary SAS locator, policy or ACL entry is left.
 */
@ExtendWith(LocalPairExtension.class)
class FaultMatrixTest {
    /** One write of the procedure: where it goes and how to pick it out of the traffic. */
    record Write(String label, String datacenter, Surface surface, String match, boolean viaSas) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Write> WRITES = List.of(
            new Write("token request on b", "b", Surface.API, "POST /acs/", true),
            new Write("POST Assets (target) on b", "b", Surface.API, "POST /api/Assets", true),
            new Write("POST AccessPolicies (read) on a", "a", Surface.API, "POST /api/AccessPolicies", true),
            new Write("POST AccessPolicies (write) on b", "b", Surface.API, "POST /api/AccessPolicies", true),
            new Write("POST Locators (read SAS) on a", "a", Surface.API, "POST /api/Locators", true),
            new Write("POST Locators (write SAS) on b", "b", Surface.API, "POST /api/Locators", true),
            new Write("PUT container on b", "b", Surface.STORAGE, "PUT /", true),
            new Write("PUT blob copy on b", "b", Surface.STORAGE, ".mp4", true),
            new Write("CreateFileInfos on b", "b", Surface.API, "/api/CreateFileInfos", true),
            new Write("MERGE Files (primary) on b", "b", Surface.API, "MERGE /api/Files", true),
            new Write("POST Locators (origin clone) on b", "b", Surface.API, "POST /api/Locators", false),
            new Write("DELETE Locators (read SAS) on a", "a", Surface.API, "DELETE /api/Locators", true),
            new Write("DELETE Locators (write SAS) on b", "b", Surface.API, "DELETE /api/Locators", true),
            new Write("DELETE AccessPolicies (read) on a", "a", Surface.API, "DELETE /api/AccessPolicies", true),
            new Write("DELETE AccessPolicies (write) on b", "b", Surface.API, "DELETE /api/AccessPolicies", true));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Write w : WRITES) {
            for (FaultKind k : FaultKind.values()) {
                if (k == FaultKind.THROTTLED) {
                    continue; // the same retry rule as 503 (RetryDecisionTest); the replicate tests run under 429s
                }
                out.add(Arguments.of(w, k));
            }
        }
        return out.stream();
    }

    FaultInjector faults;

    @AfterEach
    void off() {
        if (faults != null) {
            faults.set(FaultPlan.OFF);
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void oneFaultOnOneWriteLeavesACompleteReplicaAndNothingBehind(Write write, FaultKind kind, LocalPair pair) {
        PairContexts pc = new PairContexts(pair);
        AccountContext a = pc.contexts.get("a");
        AccountContext b = pc.contexts.get("b");
        Asset source = PublishedAssets.make(a, "fm-" + UUID.randomUUID().toString().substring(0, 8), 2);
        faults = pair.faults();
        faults.set(new FaultPlan(1.0, Set.of(kind), 1, Set.of(write.datacenter()), Set.of(write.surface()), write.match(), 1));

        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, source.id(),
                new DatacenterFailover.Options(false, write.viaSas(), CopyOptions.defaults()), s -> { }, p -> { }, new CopyCancellation());

        assertEquals(1, faults.injected().size(), "the fault was injected where asked: " + faults.injected());
        faults.set(FaultPlan.OFF);
        assertTrue(r.clean(), "no leftovers: " + r.leftovers());
        PublishedAssets.assertReplicated(a, b, source);
        PublishedAssets.assertNoTemporaries(a, List.of(source));
        PublishedAssets.assertNoTemporaries(b, List.of(PublishedAssets.replicaOf(b, source)));
    }
}
