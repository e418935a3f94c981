package dev.amsh.ops;

import dev.amsh.ams.model.EntityIds;
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
    /**
     * A locator and the URLs it plays at; {@code streamingUrl} is the Smooth manifest's (the one URL the procedure
     * gives; the first of {@code urls} when there is none; null when nothing plays); {@code note} says why nothing
     * plays (no .ism, a stopped endpoint), or is empty.
     */
    public record Published(OriginLocator locator, String streamingUrl, List<String> urls, String note) {
        static Published of(OriginLocator locator, List<String> urls, String note) {
            String main = urls.stream().filter(u -> u.endsWith(".ism/manifest")).findFirst()
                    .orElse(urls.isEmpty() ? null : urls.get(0));
            return new Published(locator, main, urls, note);
        }
    }

    /** The procedure starts origin locators in the past to absorb clock skew. */
    static final Duration START_SKEW = Duration.ofMinutes(10);

    private final Clock clock;

    public Publishing(Clock clock) {
        this.clock = clock;
    }

    /** The asset's locator if it has an unexpired one, else a new one that lives {@code days}. */
    public Published publish(Datacenter dc, String nameOrId, int days) {
        return publish(dc, nameOrId, days, null);
    }

    /**
     * As {@link #publish(Datacenter, String, int)}; with {@code guid} (v2 {@code nb:lid:UUID:G} or a bare G, also a v3
     * streamingLocatorId) the locator has that GUID: already on this asset, it is returned; on another asset, refused
     * with nothing changed.
     */
    public Published publish(Datacenter dc, String nameOrId, int days, String guid) {
        if (days < 1) {
            throw new AmshException("a locator must live at least one day, not " + days, "give --days 1 or more");
        }
        UUID chosen = guid == null ? null : guidOf(guid); // a bad GUID is refused before anything is read
        MediaAsset asset = dc.resolve(nameOrId);
        Instant now = clock.instant();
        Window window = new Window(now.minus(START_SKEW), now.plus(Duration.ofDays(days)));
        if (chosen == null) {
            OriginLocator l = dc.locators(asset).stream()
                    .filter(x -> DatacenterFailover.window(x, now).state() != LocatorWindow.State.EXPIRED).findFirst()
                    .orElseGet(() -> dc.publish(asset, window, UUID.randomUUID()));
            return withUrls(dc, l);
        }
        Optional<OriginLocator> held = dc.locator(chosen);
        if (held.isPresent()) {
            if (!holds(held.get(), asset)) {
                throw new AmshException("locator " + chosen + " already exists on " + dc.name() + " for another asset ("
                        + held.get().asset() + ")", "choose another --id, or leave --id out for a new GUID");
            }
            return withUrls(dc, held.get());
        }
        return withUrls(dc, dc.publish(asset, window, chosen));
    }

    /** The GUID of a locator Id in any form v2 accepts; another kind of Id, or no Id, refused in one line. */
    private static UUID guidOf(String given) {
        return UUID.fromString(EntityIds.guidOf(EntityIds.normalize("lid", given)));
    }

    private static boolean holds(OriginLocator l, MediaAsset asset) {
        return l.asset().equals(asset.id()) || l.asset().equals(asset.name());
    }

    /** The locator's URLs, or a note saying why there are none now (the endpoint is stopped: how to start it). */
    public static Published withUrls(Datacenter dc, OriginLocator l) {
        try {
            List<String> urls = dc.streamingUrls(l);
            boolean plays = urls.stream().anyMatch(u -> !u.endsWith("/"));
            return Published.of(l, urls, plays ? "" : "the asset has no .ism, so nothing streams; its files download from "
                    + "the path + file name (encode it to stream)");
        } catch (AmshException e) {
            return Published.of(l, List.of(), e.oneLine());
        }
    }

    /**
     * A clone of {@code locator} (v2 Id, GUID, or v3 name) onto {@code targetAsset} on {@code target}. Refused with
     * nothing changed when the GUID exists there on another asset, or the original's window is not active (unless
     * {@code force}); run again on the same asset, it finds the clone already there.
     */
    public OriginLocator cloneLocator(Datacenter source, String locator, Datacenter target, String targetAsset, boolean force) {
        OriginLocator original = find(source, locator).orElseThrow(() -> notFound(source, locator));
        LocatorWindow window = DatacenterFailover.window(original, clock.instant());
        if (window.state() != LocatorWindow.State.ACTIVE && !force) {
            throw new AmshException("locator " + locator + " on " + source.name() + " is " + window.describe()
                    + ": its URLs do not play there now", "give --force to clone it with the same window anyway");
        }
        MediaAsset asset = target.resolve(targetAsset);
        Optional<OriginLocator> existing = target.locator(original.guid());
        if (existing.isPresent()) {
            String holder = existing.get().asset();
            if (holds(existing.get(), asset)) {
                return existing.get(); // already cloned onto this asset: nothing to do
            }
            throw new AmshException("locator " + original.guid() + " already exists on " + target.name()
                    + " for another asset (" + holder + ")", "if that asset is the replica, nothing is to do; 'assets show "
                    + holder + " --on " + target.name() + "' tells");
        }
        return target.createClone(original, asset);
    }

    /** No streaming locator by that name: said as the kind says it, and a SAS locator's Id named as one. */
    static AmshException notFound(Datacenter dc, String locator) {
        if (dc.findGrant(locator).isPresent()) {
            return new AmshException("locator " + locator + " on " + dc.name() + " is a SAS locator, not an origin locator",
                    "clone the asset's OnDemandOrigin locator ('locators ls ASSET --on " + dc.name() + "')");
        }
        return new AmshException("no " + dc.kind().locatorNoun() + " " + locator + " on " + dc.name(),
                "list them with 'locators ls --on " + dc.name() + "'");
    }

    /**
     * A locator by v2 Id (any form v2 accepts; an Id of another kind refused in one line), bare GUID (v2, or a v3
     * streamingLocatorId) or v3 name.
     */
    public static Optional<OriginLocator> find(Datacenter dc, String locator) {
        String given = locator.trim();
        if (given.regionMatches(true, 0, "nb:", 0, 3) || EntityIds.looksLikeId(given)) {
            return dc.locator(guidOf(given));
        }
        return dc.allLocators().stream().filter(l -> given.equals(l.name())).findFirst();
    }
}
