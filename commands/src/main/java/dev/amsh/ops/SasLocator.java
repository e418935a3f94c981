package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;

import java.time.Clock;
import java.time.Duration;

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
        try {
            Locator locator = ams.createLocator(new LocatorRequest(null, asset.id(), policy.id(), Locator.SAS,
                    clock.instant().minus(Duration.ofMinutes(5)), name));
            return new SasLocator(context, asset, locator, policy);
        } catch (RuntimeException e) {
            ams.deleteAccessPolicy(policy.id());
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

    public void remove(AmsClient ams) {
        try {
            ams.deleteLocator(locator.id());
        } finally {
            ams.deleteAccessPolicy(policy.id());
        }
    }
}
