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
        String id = locatorId == null ? null : EntityIds.normalize("lid", locatorId); // refuse a bad Id before any change
        Asset asset = Assets.resolve(ams, nameOrId);
        if (locatorId == null) {
            for (Locator l : ams.listLocatorsOf(asset.id())) {
                if (l.type() == Locator.ON_DEMAND_ORIGIN) {
                    return l;
                }
            }
        }
        AccessPolicy policy = Policies.reusableReadPolicy(ams, days);
        return ams.createLocator(new LocatorRequest(id, asset.id(), policy.id(), Locator.ON_DEMAND_ORIGIN,
                clock.instant().minus(START_SKEW), null));
    }

    /**
     * Creates on the target an origin locator with the source locator's Id. Refused, before any change,
     * when that Id already exists on the target.
     */
    public Locator cloneLocator(AmsClient source, String locatorId, AmsClient target, String targetAssetNameOrId,
                                String targetContext) {
        Locator original = source.findLocator(locatorId).orElseThrow(() -> new AmshException(
                "no locator " + locatorId + " on the source context", "list them with 'locators ls'"));
        if (original.type() != Locator.ON_DEMAND_ORIGIN) {
            throw new AmshException("locator " + original.id() + " is a SAS locator, not an origin locator",
                    "clone the asset's OnDemandOrigin locator");
        }
        Asset asset = Assets.resolve(target, targetAssetNameOrId);
        var existing = target.findLocator(original.id());
        if (existing.isPresent() && existing.get().assetId().equals(asset.id())) {
            return existing.get(); // already cloned onto this asset: nothing to do
        }
        if (existing.isPresent()) {
            throw new AmshException("locator " + original.id() + " already exists on " + targetContext
                    + " (asset " + existing.get().assetId() + ")",
                    "nothing to do if it points at the replica; otherwise delete it there first");
        }
        return createClone(original, target, asset);
    }

    /** The clone itself, for callers that already hold the original and checked the target (failover). */
    Locator createClone(Locator original, AmsClient target, Asset asset) {
        int days = (int) Math.max(1, Duration.between(clock.instant(),
                original.expirationDateTime() == null ? clock.instant().plus(Duration.ofDays(100))
                        : original.expirationDateTime()).toDays() + 1);
        AccessPolicy policy = Policies.reusableReadPolicy(target, days);
        return target.createLocator(new LocatorRequest(original.id(), asset.id(), policy.id(),
                Locator.ON_DEMAND_ORIGIN, clock.instant().minus(START_SKEW), original.name()));
    }
}
