package dev.amsh.ops;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.datacenter.Window;
import dev.amsh.error.AmshException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publish and locator clone written once against {@link Datacenter}: a streaming locator for an asset (v2 origin
 * locator with a read policy; v3 {@code Predefined_ClearStreamingOnly}), and a clone on another datacenter with the
 * same GUID, start, end, policy and content keys, which keeps every URL but for the host, across kinds.
 */
public final class Publishing {
    /** A locator and the URLs it plays at; {@code note} says why nothing plays yet (a stopped endpoint), or is empty. */
    public record Published(OriginLocator locator, List<String> urls, String note) {
    }

    private final Clock clock;

    public Publishing(Clock clock) {
        this.clock = clock;
    }

    /** The asset's locator if it has an unexpired one, else a new one that lives {@code days}. */
    public Published publish(Datacenter dc, String nameOrId, int days) {
        if (days < 1) {
            throw new AmshException("a locator must live at least one day, not " + days, "give --days 1 or more");
        }
        MediaAsset asset = dc.resolve(nameOrId);
        Instant now = clock.instant();
        OriginLocator l = dc.locators(asset).stream()
                .filter(x -> DatacenterFailover.window(x, now).state() != LocatorWindow.State.EXPIRED).findFirst()
                .orElseGet(() -> dc.publish(asset, new Window(now.minus(Publish.START_SKEW), now.plus(Duration.ofDays(days)))));
        return withUrls(dc, l);
    }

    /** The locator's URLs, or a note saying why there are none now (the endpoint is stopped: how to start it). */
    public static Published withUrls(Datacenter dc, OriginLocator l) {
        try {
            return new Published(l, dc.streamingUrls(l), "");
        } catch (AmshException e) {
            return new Published(l, List.of(), e.oneLine());
        }
    }

    /**
     * A clone of {@code locator} (v2 Id, GUID, or v3 name) onto {@code targetAsset} on {@code target}. Refused with
     * nothing changed when the GUID exists there on another asset, or the original's window is not active (unless
     * {@code force}); run again on the same asset, it finds the clone already there.
     */
    public OriginLocator cloneLocator(Datacenter source, String locator, Datacenter target, String targetAsset, boolean force) {
        OriginLocator original = find(source, locator).orElseThrow(() -> new AmshException("no streaming locator " + locator
                + " on " + source.name(), "list them with 'locators ls --on " + source.name() + "'"));
        LocatorWindow window = DatacenterFailover.window(original, clock.instant());
        if (window.state() != LocatorWindow.State.ACTIVE && !force) {
            throw new AmshException("locator " + locator + " on " + source.name() + " is " + window.describe()
                    + ": its URLs do not play there now", "give --force to clone it with the same window anyway");
        }
        MediaAsset asset = target.resolve(targetAsset);
        Optional<OriginLocator> existing = target.locator(original.guid());
        if (existing.isPresent()) {
            String holder = existing.get().asset();
            if (holder.equals(asset.id()) || holder.equals(asset.name())) {
                return existing.get(); // already cloned onto this asset: nothing to do
            }
            throw new AmshException("locator " + original.guid() + " already exists on " + target.name()
                    + " for another asset (" + holder + ")", "if that asset is the replica, nothing is to do; 'assets show "
                    + holder + " --on " + target.name() + "' tells");
        }
        return target.createClone(original, asset);
    }

    /** A locator by v2 Id, bare GUID (v2 or v3 streamingLocatorId) or v3 name. */
    static Optional<OriginLocator> find(Datacenter dc, String locator) {
        String guid = locator.replaceFirst("(?i)^nb:lid:uuid:", "");
        if (guid.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return dc.locator(UUID.fromString(guid));
        }
        return dc.allLocators().stream().filter(l -> locator.equals(l.name())).findFirst();
    }
}
