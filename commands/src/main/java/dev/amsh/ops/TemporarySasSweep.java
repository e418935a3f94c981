package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Locator;
import dev.amsh.datacenter.Leftover;
import dev.amsh.datacenter.TemporarySweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * v2's part of {@code cleanup}: temporary SAS locators (their Name carries a {@link RunMarker}; removing one also
 * revokes its container ACL entry), then policies amsh made (its reusable read-only ones, run-marked ones, and those
 * of 'sas read|write') that no locator uses any more. Locators first, so their policies become unreferenced.
 */
public final class TemporarySasSweep {
    /** The Name 'sas read' and 'sas write' give their policy (and locator): left behind when 'locators rm' removes the locator. */
    static final String SAS_COMMAND_PREFIX = "amsh sas ";

    private TemporarySasSweep() {
    }

    public static TemporarySweep run(AmsClient ams, boolean dryRun) {
        List<Leftover> found = new ArrayList<>();
        List<Leftover> removed = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();

        List<Locator> locators = ams.listLocators(Query.all()).toList();
        Set<String> removedLocators = new HashSet<>();
        for (Locator l : locators) {
            if (Temporaries.isTemporary(l)) {
                Leftover x = new Leftover(Leftover.Kind.TEMPORARY_SAS_LOCATOR, l.id(), l.name(), "temporary SAS locator of an amsh run");
                found.add(x);
                if (!dryRun && Cleanup.remove(x, () -> ams.deleteLocator(l.id()), removed, failures)) {
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
                Leftover x = new Leftover(Leftover.Kind.UNUSED_POLICY, p.id(), p.name(), "access policy made by amsh, used by no locator");
                found.add(x);
                if (!dryRun) {
                    Cleanup.remove(x, () -> ams.deleteAccessPolicy(p.id()), removed, failures);
                }
            }
        }
        Set<String> withLocators = locators.stream().map(Locator::assetId).collect(Collectors.toSet());
        return new TemporarySweep(List.copyOf(found), List.copyOf(removed), Map.copyOf(failures), Set.copyOf(withLocators));
    }
}
