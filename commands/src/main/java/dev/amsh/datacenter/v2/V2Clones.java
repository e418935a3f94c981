package dev.amsh.datacenter.v2;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.ops.LocatorWindow;
import dev.amsh.ops.Policies;

import java.time.Clock;
import java.time.Instant;

/**
 * A v2 origin locator cloned onto another account with the same Id (the procedure's CreateOriginLocatorWithRest),
 * which keeps the URLs identical but for the host, and its expiry aligned to the original's.
 */
final class V2Clones {
    private final Clock clock;

    V2Clones(Clock clock) {
        this.clock = clock;
    }

    /**
     * The clone itself, for callers that already hold the original and checked the target (failover): the
     * same Id, the same start, and the same expiry (a reusable read policy of whole days covers the window,
     * then the expiry is set exactly where it differs).
     */
    Locator createClone(Locator original, AmsClient target, Asset asset) {
        Instant start = original.startTime();
        Instant expiry = original.expirationDateTime();
        AccessPolicy policy = Policies.readPolicyCovering(target, start != null ? start : clock.instant(), expiry);
        Locator made = target.createLocator(new LocatorRequest(original.id(), asset.id(), policy.id(),
                Locator.ON_DEMAND_ORIGIN, start, original.name()));
        return alignExpiry(original, made, target);
    }

    /** The replica with the original's expiry: set by MERGE where it differs (MERGE is safe to repeat). */
    Locator alignExpiry(Locator original, Locator replica, AmsClient target) {
        Instant expiry = original.expirationDateTime();
        if (expiry == null || LocatorWindow.sameSecond(expiry, replica.expirationDateTime())) {
            return replica;
        }
        target.updateLocatorExpiry(replica.id(), expiry);
        return target.getLocator(replica.id());
    }
}
