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
import dev.amsh.storage.CopyOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each fault kind alone against each write of a failover (one fault, injected exactly there), on a v2 → v2 and on
 * a v2 → v3 pair, each kind of target with its own list of writes; then the state of both datacenters: the failover
 * finished in its first run, b holds one replica marked as amsh's with every blob and every locator's GUID once, the
 * URLs differ only by host, and no temporary SAS locator, policy or ACL entry is left on either side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {
    /** The kinds of the two datacenters a case runs on. */
    enum PairKind {
        V2_TO_V2(DatacenterKind.V2, DatacenterKind.V2), V2_TO_V3(DatacenterKind.V2, DatacenterKind.V3);

        final List<DatacenterKind> kinds;

        PairKind(DatacenterKind a, DatacenterKind b) {
            this.kinds = List.of(a, b);
        }
    }

    /** One write of the procedure: where it goes and how to pick it out of the traffic. */
    record Write(String label, String datacenter, Surface surface, String match, boolean viaSas) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The writes of a v2 target: the procedure's access policies, SAS locators, CreateFileInfos and their undoing. */
    static final List<Write> V2_WRITES = List.of(
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

    /** The writes of a v3 target: its sign-in, the asset PUT, the blobs, and the 201-only locator PUT. */
    static List<Write> v3Writes(String accountPath) {
        return List.of(
                new Write("token request on b", "b", Surface.API, "POST /auth/token", false),
                new Write("PUT assets (target) on b", "b", Surface.API, "PUT " + accountPath + "/assets/", false),
                new Write("PUT container on b", "b", Surface.STORAGE, "PUT /", false),
                new Write("PUT blob copy on b", "b", Surface.STORAGE, ".mp4", false),
                new Write("PUT streamingLocators (clone) on b", "b", Surface.API, "PUT " + accountPath + "/streamingLocators/", false));
    }

    private final Map<PairKind, LocalPair> pairs = new EnumMap<>(PairKind.class);

    /** The running pair of these kinds, started at its first case. */
    LocalPair pair(PairKind kind) {
        return pairs.computeIfAbsent(kind, k -> {
            try {
                return new LocalPair(LocalPair.Options.at(Files.createTempDirectory("amsh-faults"), LocalPairExtension.toolsDir())
                        .withKinds(k.kinds)).start();
            } catch (Exception e) {
                throw new IllegalStateException("the local pair did not start", e);
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        for (LocalPair p : pairs.values()) {
            p.close();
        }
    }

    @AfterEach
    void off() {
        pairs.values().forEach(p -> p.faults().set(FaultPlan.OFF));
    }

    Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Write w : V2_WRITES) {
            for (FaultKind k : FaultKind.values()) {
                if (k != FaultKind.THROTTLED) { // the same retry rule as 503 (RetryDecisionTest); replicate runs under 429s
                    out.add(Arguments.of(PairKind.V2_TO_V2, w, k));
                }
            }
        }
        Endpoints.DatacenterEndpoints b = pair(PairKind.V2_TO_V3).endpoints(null, null).get("b");
        String accountPath = "/subscriptions/" + b.subscriptionId() + "/resourceGroups/" + b.resourceGroup()
                + "/providers/Microsoft.Media/mediaServices/" + b.accountName();
        for (Write w : v3Writes(accountPath)) {
            for (FaultKind k : List.of(FaultKind.SERVICE_UNAVAILABLE, FaultKind.INTERNAL_ERROR, FaultKind.RESET,
                    FaultKind.LOST_RESPONSE, FaultKind.HANG)) {
                out.add(Arguments.of(PairKind.V2_TO_V3, w, k));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2} on {1}")
    @MethodSource("cases")
    void oneFaultOnOneWriteLeavesACompleteReplicaAndNothingBehind(PairKind kinds, Write write, FaultKind kind) {
        LocalPair pair = pair(kinds);
        // contexts of their own, so each case signs in afresh (the token request is one of the writes)
        Contexts contexts = new Contexts(V3FailoverLocalPairTest.configs(pair.endpoints(null, null)),
                ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
        AccountContext a = contexts.get("a");
        AccountContext b = contexts.get("b");
        Asset source = PublishedAssets.make(a, "fm-" + UUID.randomUUID().toString().substring(0, 8), 2);
        pair.faults().set(new FaultPlan(1.0, Set.of(kind), 1, Set.of(write.datacenter()), Set.of(write.surface()), write.match(), 1));

        DatacenterFailover.Result r = new DatacenterFailover(Clock.systemUTC()).run(a, b, source.id(),
                new DatacenterFailover.Options(false, write.viaSas(), CopyOptions.defaults()), s -> { }, p -> { }, new CopyCancellation());

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
        List<OriginLocator> onA = a.datacenter().locators(a.datacenter().resolve(source.id()));
        List<OriginLocator> onB = db.locators(target);
        assertEquals(onA.stream().map(OriginLocator::guid).collect(Collectors.toSet()),
                onB.stream().map(OriginLocator::guid).collect(Collectors.toSet()), "every locator's GUID on b");
        assertEquals(onA.size(), onB.size(), "each once");
        assertEquals(r.originalUrl().replaceFirst("^[a-z]+://[^/]+", ""), r.replicatedUrl().replaceFirst("^[a-z]+://[^/]+", ""));
        PublishedAssets.assertNoTemporaries(a, List.of(source));
        if (kinds == PairKind.V2_TO_V2) {
            // the v2 target's own checks: lengths and MD5s, each locator's window, and its temporaries
            PublishedAssets.assertReplicated(a, b, source);
            PublishedAssets.assertNoTemporaries(b, List.of(PublishedAssets.replicaOf(b, source)));
        }
    }
}
