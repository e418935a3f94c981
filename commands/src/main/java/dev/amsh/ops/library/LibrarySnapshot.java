package dev.amsh.ops.library;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.concurrent.DaemonPools;
import dev.amsh.error.AmshException;
import dev.amsh.ops.LocatorWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * One side of a library read once: every asset, every locator and every file of an account, each a paged
 * listing of its entity set (three listings however many assets there are), indexed by asset.
 */
public record LibrarySnapshot(String context, List<Asset> assets, Map<String, List<Locator>> locatorsByAsset,
                              Map<String, List<AssetFile>> filesByAsset, Map<String, Locator> locatorsById,
                              Map<String, Asset> assetsById, Instant readAt) {

    public static LibrarySnapshot read(AmsClient ams, Instant now) {
        ExecutorService pool = DaemonPools.fixed("amsh-listing", 3);
        try {
            var assets = CompletableFuture.supplyAsync(() -> ams.listAssets(Query.all()).toList(), pool);
            var locators = CompletableFuture.supplyAsync(() -> ams.listLocators(Query.all()).toList(), pool);
            var files = CompletableFuture.supplyAsync(() -> ams.listFiles(Query.all()).toList(), pool);
            return of(ams.contextName(), assets.join(), locators.join(), files.join(), now);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AmshException("reading " + ams.contextName() + " failed: " + e.getCause(), "retry");
        } finally {
            pool.shutdownNow();
        }
    }

    public static LibrarySnapshot of(String context, List<Asset> assets, List<Locator> locators, List<AssetFile> files,
                                     Instant now) {
        Map<String, List<Locator>> byAsset = new HashMap<>();
        Map<String, Locator> byId = new HashMap<>();
        locators.forEach(l -> {
            byAsset.computeIfAbsent(l.assetId(), k -> new ArrayList<>()).add(l);
            byId.put(l.id(), l);
        });
        Map<String, List<AssetFile>> filesBy = new HashMap<>();
        files.forEach(f -> filesBy.computeIfAbsent(f.parentAssetId(), k -> new ArrayList<>()).add(f));
        Map<String, Asset> unique = new LinkedHashMap<>();
        assets.forEach(a -> unique.put(a.id(), a)); // a page boundary that moved under a concurrent write may repeat one
        return new LibrarySnapshot(context, List.copyOf(unique.values()), byAsset, filesBy, byId, unique, now);
    }

    public Optional<Asset> asset(String id) {
        return Optional.ofNullable(assetsById.get(id));
    }

    public List<Locator> locators(String assetId) {
        return locatorsByAsset.getOrDefault(assetId, Collections.emptyList());
    }

    public List<AssetFile> files(String assetId) {
        return filesByAsset.getOrDefault(assetId, Collections.emptyList());
    }

    /** The origin locators of an asset that serve now or will: active and pending ones. */
    public List<Locator> liveOrigins(String assetId) {
        return locators(assetId).stream().filter(Locator::onDemandOrigin)
                .filter(l -> LocatorWindow.of(l, readAt).state() != LocatorWindow.State.EXPIRED).toList();
    }

    /** The origin locators of an asset whose window has passed. */
    public List<Locator> expiredOrigins(String assetId) {
        return locators(assetId).stream().filter(Locator::onDemandOrigin)
                .filter(l -> LocatorWindow.of(l, readAt).state() == LocatorWindow.State.EXPIRED).toList();
    }

    /** Published: at least one origin locator that serves now or will. */
    public boolean isPublished(Asset a) {
        return !liveOrigins(a.id()).isEmpty();
    }

    public List<Asset> published() {
        return assets.stream().filter(this::isPublished).toList();
    }

    /** Which asset holds a locator with this Id, if any. */
    public Optional<Locator> locator(String id) {
        return Optional.ofNullable(locatorsById.get(id));
    }
}
