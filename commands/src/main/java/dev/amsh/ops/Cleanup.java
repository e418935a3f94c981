package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and removes what amsh itself left behind on one context, and nothing else: temporary SAS locators (their
 * Name carries a {@link RunMarker}; removing one also revokes its container ACL entry), policies amsh made (its
 * reusable read-only ones, run-marked ones, and those of 'sas read|write') that no locator uses any more, and replica assets (marked in AlternateId) that hold no locator and either no file or a
 * sibling replica of the same source that is in use. Locators first, so their policies become unreferenced.
 */
public final class Cleanup {
    /** The Name 'sas read' and 'sas write' give their policy (and locator): left behind when 'locators rm' removes the locator. */
    static final String SAS_COMMAND_PREFIX = "amsh sas ";

    public enum Kind { TEMPORARY_SAS_LOCATOR, UNUSED_POLICY, EMPTY_REPLICA, DUPLICATE_REPLICA }

    /** One entity of amsh's making that is not needed any more. */
    public record Leftover(Kind kind, String id, String name, String why) {
    }

    /** What was found, and what became of each (removed, or the error that kept it). */
    public record Result(String context, boolean dryRun, List<Leftover> found, List<Leftover> removed,
                         Map<String, String> failures) {
        public boolean clean() {
            return failures.isEmpty();
        }
    }

    public Result run(AmsClient ams, boolean dryRun) {
        List<Leftover> found = new ArrayList<>();
        List<Leftover> removed = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();

        List<Locator> locators = ams.listLocators(Query.all()).toList();
        Set<String> removedLocators = new HashSet<>();
        for (Locator l : locators) {
            if (Temporaries.isTemporary(l)) {
                Leftover x = new Leftover(Kind.TEMPORARY_SAS_LOCATOR, l.id(), l.name(), "temporary SAS locator of an amsh run");
                found.add(x);
                if (!dryRun && remove(x, () -> ams.deleteLocator(l.id()), removed, failures)) {
                    removedLocators.add(l.id());
                }
            }
        }
        // a temporary locator's policy is free once the locator is gone (or would be, in a dry run)
        Set<String> usedPolicies = locators.stream()
                .filter(l -> !(dryRun ? Temporaries.isTemporary(l) : removedLocators.contains(l.id())))
                .map(Locator::accessPolicyId).collect(Collectors.toSet());
        for (AccessPolicy p : ams.listAccessPolicies(Query.all()).toList()) {
            boolean ours = RunMarker.isTemporary(p.name()) || (p.name() != null && (p.name().startsWith(Policies.READ_POLICY_PREFIX)
                    || p.name().startsWith(SAS_COMMAND_PREFIX)));
            if (ours && !usedPolicies.contains(p.id())) {
                Leftover x = new Leftover(Kind.UNUSED_POLICY, p.id(), p.name(), "access policy made by amsh, used by no locator");
                found.add(x);
                if (!dryRun) {
                    remove(x, () -> ams.deleteAccessPolicy(p.id()), removed, failures);
                }
            }
        }

        Set<String> withLocators = locators.stream().map(Locator::assetId).collect(Collectors.toSet());
        Map<String, List<Asset>> replicasBySource = ams.listAssets(ReplicaTargets.allReplicas()).stream()
                .filter(ReplicaTargets::isReplica)
                .collect(Collectors.groupingBy(a -> ReplicaTargets.sourceOf(a).orElse("")));
        for (List<Asset> group : replicasBySource.values()) {
            boolean oneInUse = group.stream().anyMatch(a -> withLocators.contains(a.id()));
            List<Asset> idle = group.stream().filter(a -> !withLocators.contains(a.id()))
                    .sorted(Comparator.comparing(Asset::id)).toList();
            for (Asset a : idle) {
                Leftover x;
                if (oneInUse) {
                    x = new Leftover(Kind.DUPLICATE_REPLICA, a.id(), a.name(),
                            "a second replica of " + ReplicaTargets.sourceOf(a).orElse("?") + ", whose other replica is published");
                } else if (ams.listFiles(a.id()).isEmpty()) {
                    x = new Leftover(Kind.EMPTY_REPLICA, a.id(), a.name(), "replica target with no files and no locator (a run that stopped early)");
                } else {
                    continue; // files but no locator: a failover that a re-run finishes; not ours to drop
                }
                found.add(x);
                if (!dryRun) {
                    remove(x, () -> ams.deleteAsset(a.id()), removed, failures);
                }
            }
        }
        return new Result(ams.contextName(), dryRun, List.copyOf(found), List.copyOf(removed), Map.copyOf(failures));
    }

    private static boolean remove(Leftover x, Runnable delete, List<Leftover> removed, Map<String, String> failures) {
        try {
            delete.run();
            removed.add(x);
            return true;
        } catch (RuntimeException e) {
            failures.put(x.id(), String.valueOf(e.getMessage()));
            return false;
        }
    }
}
