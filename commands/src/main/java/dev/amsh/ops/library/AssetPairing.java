package dev.amsh.ops.library;

import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.ops.ReplicaTargets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which asset on the target is the replica of which published asset on the source, from two snapshots alone, on
 * any kind. A replica is, in this order: the asset the source itself replicates (a replica made the other way), an
 * asset marked as amsh's replica of the source, or an asset named after the source's container that is nobody
 * else's replica (what the documented procedure and older amsh versions made). The one holding the source's locator
 * GUIDs wins; then amsh's mark, files, age. A GUID held by an asset that is none of these is someone else's setup:
 * a conflict, never touched.
 */
public final class AssetPairing {
    /** The pairing of one source asset. {@code emptyDuplicates} are amsh's own empty replicas besides the chosen one. */
    public record Pair(MediaAsset source, Optional<MediaAsset> target, List<MediaAsset> emptyDuplicates, String conflict) {
    }

    /** A published asset of the target that is no selected source's replica, and why it stands alone. */
    public record Unpaired(MediaAsset asset, Drift drift) {
    }

    private final DatacenterSnapshot source;
    private final DatacenterSnapshot target;
    private final Map<String, List<MediaAsset>> byName = new HashMap<>();

    public AssetPairing(DatacenterSnapshot source, DatacenterSnapshot target) {
        this.source = source;
        this.target = target;
        for (MediaAsset t : target.assets()) {
            if (t.name() != null) {
                byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
            }
        }
    }

    public Pair pair(MediaAsset s) {
        Set<MediaAsset> candidates = new LinkedHashSet<>();
        ReplicaTargets.sourceOf(s.alternateId()).flatMap(target::asset).ifPresent(candidates::add);
        candidates.addAll(target.replicasOf(s.id()));
        for (MediaAsset t : byName.getOrDefault(s.container(), List.of())) {
            if (ReplicaTargets.sourceOf(t.alternateId()).map(x -> x.equals(s.id())).orElse(true)) {
                candidates.add(t);
            }
        }
        Set<String> holders = new HashSet<>();
        for (OriginLocator l : source.live(s)) {
            Optional<OriginLocator> there = target.locator(l.guid());
            if (there.isEmpty()) {
                continue;
            }
            String holder = target.holder(there.get()).map(MediaAsset::id).orElse(there.get().asset());
            if (candidates.stream().noneMatch(c -> c.id().equals(holder))) {
                return new Pair(s, Optional.empty(), List.of(), "locator " + l.guid() + " is on " + target.name()
                        + "'s asset " + holder + ", which is not a replica of " + s.name());
            }
            holders.add(holder);
        }
        String mark = ReplicaTargets.marker(s.id());
        List<MediaAsset> ordered = candidates.stream().sorted(Comparator
                .<MediaAsset, Boolean>comparing(c -> !holders.contains(c.id()))
                .thenComparing(c -> !mark.equals(c.alternateId()))
                .thenComparing(c -> target.files(c).isEmpty())
                .thenComparing(MediaAsset::created, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MediaAsset::id)).toList();
        if (ordered.isEmpty()) {
            return new Pair(s, Optional.empty(), List.of(), null);
        }
        List<MediaAsset> empty = ordered.subList(1, ordered.size()).stream()
                .filter(c -> mark.equals(c.alternateId()) && target.files(c).isEmpty() && target.locators(c).isEmpty()
                        && target.can().registersFiles())
                .toList();
        return new Pair(s, Optional.of(ordered.get(0)), empty, null);
    }

    /** The targets chosen for these source assets. */
    public Set<String> pairedTargets(List<MediaAsset> sources) {
        Set<String> out = new HashSet<>();
        sources.forEach(s -> pair(s).target().ifPresent(t -> out.add(t.id())));
        return out;
    }

    /**
     * Published assets on the target that are no published source asset's replica: published only there, or the
     * replica of an asset the source no longer has or no longer publishes.
     */
    public List<Unpaired> targetOnly(Set<String> pairedTargets) {
        List<Unpaired> out = new ArrayList<>();
        for (MediaAsset t : target.published()) {
            if (pairedTargets.contains(t.id()) || ReplicationRules.optedOut(t.alternateId())) {
                continue; // an asset that opted out of replication is one-sided on purpose
            }
            Optional<String> of = ReplicaTargets.sourceOf(t.alternateId());
            String detail = of.isEmpty() ? "published only on " + target.name()
                    : source.asset(of.get()).isPresent() ? "replica of " + of.get() + ", which is not published on " + source.name()
                    : "replica of " + of.get() + ", which " + source.name() + " no longer has";
            out.add(new Unpaired(t, new Drift(of.isPresent() ? Drift.Kind.NO_SOURCE : Drift.Kind.ONLY_ON_TARGET, null, detail)));
        }
        return out;
    }
}
