package dev.amsh.ops.library;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.ops.ReplicaTargets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One side of a library on the datacenter seam, read once: every asset and every streaming locator (two paged
 * listings however many assets there are), indexed by asset, by GUID and by the source each replica names. A
 * locator names its asset by v2 Id or v3 name; both are indexed, so no kind is asked.
 */
public record DatacenterSnapshot(AccountContext context, List<MediaAsset> assets, Map<String, List<OriginLocator>> locatorsByAsset,
                                 Map<UUID, OriginLocator> locatorsByGuid, Map<String, List<MediaAsset>> replicasBySource,
                                 Instant readAt) {

    public static DatacenterSnapshot read(AccountContext context, Instant now) {
        Datacenter dc = context.datacenter();
        return of(context, dc.assets(AssetQuery.all()).toList(), dc.allLocators().toList(), now);
    }

    public static DatacenterSnapshot of(AccountContext context, List<MediaAsset> assets, List<OriginLocator> locators, Instant now) {
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
        return new DatacenterSnapshot(context, List.copyOf(unique.values()), byAsset, byGuid, replicas, now);
    }

    public String name() {
        return context.name();
    }

    public Datacenter datacenter() {
        return context.datacenter();
    }

    public List<OriginLocator> locators(MediaAsset a) {
        return locatorsByAsset.getOrDefault(a.id(), List.of());
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

    /**
     * The replica of {@code source} here: the asset holding one of its locators' GUIDs (what viewers use), else
     * amsh's marked replica that holds a locator, else the first marked one.
     */
    public Optional<MediaAsset> replicaOf(MediaAsset source, List<OriginLocator> sourceLocators) {
        for (OriginLocator l : sourceLocators) {
            OriginLocator here = locatorsByGuid.get(l.guid());
            if (here != null) {
                Optional<MediaAsset> holder = assets.stream().filter(a -> a.id().equals(here.asset())
                        || a.name() != null && a.name().equals(here.asset())).findFirst();
                if (holder.isPresent()) {
                    return holder;
                }
            }
        }
        List<MediaAsset> marked = replicasBySource.getOrDefault(source.id(), List.of());
        return marked.stream().filter(a -> !locators(a).isEmpty()).findFirst().or(() -> marked.stream().findFirst());
    }

    /** Whether some asset of the other side is marked as a replica of {@code a} (then {@code a} is a source). */
    public boolean hasReplicaOf(MediaAsset a) {
        return replicasBySource.containsKey(a.id());
    }
}
