package dev.amsh.ops.library;

import dev.amsh.concurrent.DaemonPools;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Capabilities;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.ReplicaTargets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * One side of a library on the datacenter seam, read once: every asset, every streaming locator and (where the
 * kind registers them, v2) every file, each one paged listing however many assets there are, indexed by asset, by
 * GUID and by the source each replica names. A locator names its asset by v2 Id or v3 name; both are indexed, so no
 * kind is asked.
 */
public record DatacenterSnapshot(String name, Capabilities can, AccountContext context, List<MediaAsset> assets,
                                 Map<String, MediaAsset> assetsByKey, Map<String, List<OriginLocator>> locatorsByAsset, Map<UUID, OriginLocator> locatorsByGuid,
                                 Map<String, List<MediaFile>> filesByAsset, Map<String, List<MediaAsset>> replicasBySource,
                                 Instant readAt) {

    public static DatacenterSnapshot read(AccountContext context, Instant now) {
        Datacenter dc = context.datacenter();
        ExecutorService pool = DaemonPools.fixed("amsh-listing", 3);
        try {
            var assets = CompletableFuture.supplyAsync(() -> dc.assets(AssetQuery.all()).toList(), pool);
            var locators = CompletableFuture.supplyAsync(() -> dc.allLocators().toList(), pool);
            var files = CompletableFuture.supplyAsync(dc::allFiles, pool);
            return of(context.name(), dc.can(), context, assets.join(), locators.join(), files.join(), now);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AmshException("reading " + context.name() + " failed: " + e.getCause(), "retry");
        } finally {
            pool.shutdownNow();
        }
    }

    /** A snapshot of listings already made; {@code context} may be null where nothing is called (pure tests). */
    public static DatacenterSnapshot of(String name, Capabilities can, AccountContext context, List<MediaAsset> assets,
                                        List<OriginLocator> locators, Map<String, List<MediaFile>> files, Instant now) {
        Map<String, MediaAsset> unique = new LinkedHashMap<>();
        assets.forEach(a -> unique.put(a.id(), a)); // a page boundary that moved under a concurrent write may repeat one
        Map<String, MediaAsset> byKey = new HashMap<>();
        unique.values().forEach(a -> {
            byKey.put(a.id(), a);
            if (a.name() != null) {
                byKey.putIfAbsent(a.name(), a);
            }
        });
        Map<String, List<OriginLocator>> byAsset = new HashMap<>();
        Map<UUID, OriginLocator> byGuid = new HashMap<>();
        for (OriginLocator l : locators) {
            MediaAsset holder = byKey.get(l.asset());
            byAsset.computeIfAbsent(holder == null ? l.asset() : holder.id(), k -> new ArrayList<>()).add(l);
            byGuid.put(l.guid(), l);
        }
        Map<String, List<MediaAsset>> replicas = new HashMap<>();
        unique.values().forEach(a -> ReplicaTargets.sourceOf(a.alternateId())
                .ifPresent(s -> replicas.computeIfAbsent(s, k -> new ArrayList<>()).add(a)));
        return new DatacenterSnapshot(name, can, context, List.copyOf(unique.values()), byKey, byAsset, byGuid, Map.copyOf(files),
                replicas, now);
    }

    public Datacenter datacenter() {
        return context.datacenter();
    }

    /** An asset by its Id (or, on v3, its name). */
    public Optional<MediaAsset> asset(String key) {
        return Optional.ofNullable(assetsByKey.get(key));
    }

    public List<OriginLocator> locators(MediaAsset a) {
        return locatorsByAsset.getOrDefault(a.id(), List.of());
    }

    /** The asset's registered files (v2); none on a kind that registers none. */
    public List<MediaFile> files(MediaAsset a) {
        return filesByAsset.getOrDefault(a.id(), List.of());
    }

    /** The locators of an asset that serve now or will (no end, or an end still ahead). */
    public List<OriginLocator> live(MediaAsset a) {
        return locators(a).stream().filter(l -> l.end() == null || l.end().isAfter(readAt)).toList();
    }

    public boolean isPublished(MediaAsset a) {
        return !live(a).isEmpty();
    }

    public List<MediaAsset> published() {
        return assets.stream().filter(this::isPublished).toList();
    }

    public Optional<OriginLocator> locator(UUID guid) {
        return Optional.ofNullable(locatorsByGuid.get(guid));
    }

    /** The asset holding {@code l} here, by the v2 Id or v3 name the locator names it by. */
    public Optional<MediaAsset> holder(OriginLocator l) {
        return asset(l.asset());
    }

    /** The assets here marked as amsh's replicas of the asset with this Id. */
    public List<MediaAsset> replicasOf(String sourceId) {
        return replicasBySource.getOrDefault(sourceId, List.of());
    }

    /** Whether some asset here is marked as a replica of {@code a} (then, seen from here, {@code a} is a source). */
    public boolean hasReplicaOf(MediaAsset a) {
        return replicasBySource.containsKey(a.id());
    }
}
