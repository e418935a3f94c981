package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.ams.model.Locator;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A SAS locator on an asset's container, as the documented procedure creates one to learn the container
 * name (read on the source, write on the target). {@link #remove} deletes the locator and its policy.
 * The policy and the locator carry the caller's Name (a {@link RunMarker} name for temporary ones), so a
 * lost answer is found by that Name instead of being sent again.
 */
public record SasLocator(String context, Asset asset, Locator locator, AccessPolicy policy) {

    public static SasLocator create(String context, AmsClient ams, Asset asset, boolean write, Duration lifetime,
                                    Clock clock, String name) {
        int permissions = write ? AccessPolicy.WRITE : AccessPolicy.READ;
        AccessPolicy policy = Outcomes.findOrCreate(() -> findPolicy(ams, name, permissions),
                () -> ams.createAccessPolicy(name, lifetime.toMinutes(), permissions));
        // a locator Id of our own makes the POST safe to repeat after a lost answer, and lets cleanup find it
        String id = EntityIds.newId("lid", UUID.randomUUID());
        try {
            Locator locator = ams.createLocator(new LocatorRequest(id, asset.id(), policy.id(), Locator.SAS,
                    clock.instant().minus(Duration.ofMinutes(5)), name));
            return new SasLocator(context, asset, locator, policy);
        } catch (RuntimeException e) {
            try {
                ams.findLocator(id).ifPresent(l -> ams.deleteLocator(l.id()));
                ams.deleteAccessPolicy(policy.id());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static Optional<AccessPolicy> findPolicy(AmsClient ams, String name, int permissions) {
        return ams.listAccessPolicies(Query.filter("Name eq " + Query.literal(name))).stream()
                .filter(p -> p.grantsExactly(permissions)).findFirst();
    }

    public String containerName() {
        return locator.containerName();
    }

    /** The SAS URL; the shell masks its sig= like every other secret. */
    public String url() {
        return locator.path();
    }

    /** The command that removes this locator and its policy by hand, for when removing it failed. */
    public String removeCommand() {
        return "sas rm " + locator.id() + " --on " + context;
    }

    /**
     * Deletes the locator, then its policy; the policy goes even when the locator delete fails. A DELETE whose
     * first answer was lost and that then finds nothing counts as done (the retry layer reports it so).
     */
    public void remove(AmsClient ams) {
        RuntimeException first = null;
        try {
            ams.deleteLocator(locator.id());
        } catch (RuntimeException e) {
            first = e;
        }
        try {
            ams.deleteAccessPolicy(policy.id());
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
