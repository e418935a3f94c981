package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.ams.model.Locator;
import dev.amsh.error.AmshException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Origin locators: publishing an asset (the procedure's GetStreamingOriginLocator) and cloning a locator
 * onto another account with the same Id (CreateOriginLocatorWithRest), which is what keeps the URLs
 * identical but for the host.
 */
public final class Publish {
    /** The procedure starts origin locators in the past to absorb clock skew. */
    static final Duration START_SKEW = Duration.ofMinutes(10);

    private final Clock clock;

    public Publish(Clock clock) {
        this.clock = clock;
    }

    /** An origin locator for the asset, reusing a read-only policy of the given days; an existing one is kept. */
    public Locator publish(AmsClient ams, String nameOrId, int days, String locatorId) {
        if (days < 1) {
            throw new AmshException("a locator must live at least one day, not " + days, "give --days 1 or more");
        }
        // refuse a bad Id before any change; without one, choose it here so the POST is safe to repeat
        String id = locatorId == null ? EntityIds.newId("lid", UUID.randomUUID()) : EntityIds.normalize("lid", locatorId);
        Asset asset = Assets.resolve(ams, nameOrId);
        if (locatorId == null) {
            for (Locator l : ams.listLocatorsOf(asset.id())) {
                if (l.onDemandOrigin()) {
                    return l;
                }
            }
        }
        AccessPolicy policy = Policies.reusableReadPolicy(ams, days);
        return ams.createLocator(new LocatorRequest(id, asset.id(), policy.id(), Locator.ON_DEMAND_ORIGIN,
                clock.instant().minus(START_SKEW), null));
    }

    /**
     * The clone itself, for callers that already hold the original and checked the target (failover): the
     * same Id, the same start, and the same expiry (a reusable read policy of whole days covers the window,
     * then the expiry is set exactly where it differs).
     */
    public Locator createClone(Locator original, AmsClient target, Asset asset) {
        Instant start = original.startTime();
        Instant expiry = original.expirationDateTime();
        Instant from = start != null ? start : clock.instant();
        long seconds = expiry == null ? Duration.ofDays(100).toSeconds() : Duration.between(from, expiry).toSeconds();
        int days = (int) Math.max(1, (seconds + 86_399) / 86_400);
        AccessPolicy policy = Policies.reusableReadPolicy(target, days);
        Locator made = target.createLocator(new LocatorRequest(original.id(), asset.id(), policy.id(),
                Locator.ON_DEMAND_ORIGIN, start, original.name()));
        return alignExpiry(original, made, target);
    }

    /** The replica with the original's expiry: set by MERGE where it differs (MERGE is safe to repeat). */
    public Locator alignExpiry(Locator original, Locator replica, AmsClient target) {
        Instant expiry = original.expirationDateTime();
        if (expiry == null || LocatorWindow.sameSecond(expiry, replica.expirationDateTime())) {
            return replica;
        }
        target.updateLocatorExpiry(replica.id(), expiry);
        return target.getLocator(replica.id());
    }
}
