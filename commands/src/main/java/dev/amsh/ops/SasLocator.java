package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.ams.model.Locator;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * A SAS locator on an asset's container, as the documented procedure creates one to learn the container
 * name (read on the source, write on the target). {@link #remove} deletes the locator and its policy.
 */
public record SasLocator(String context, Asset asset, Locator locator, AccessPolicy policy) {

    public static SasLocator create(String context, AmsClient ams, Asset asset, boolean write, Duration lifetime,
                                    Clock clock) {
        String name = write ? "amsh write" : "amsh read";
        AccessPolicy policy = ams.createAccessPolicy(name, lifetime.toMinutes(),
                write ? AccessPolicy.WRITE : AccessPolicy.READ);
        // a locator Id of our own makes the POST safe to repeat after a timeout, and lets cleanup find it
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

    public String containerName() {
        return locator.containerName();
    }

    /** The SAS URL; the shell masks its sig= like every other secret. */
    public String url() {
        return locator.path();
    }

    /** Deletes the locator, then its policy; the policy goes even when the locator delete fails. */
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
