package dev.amsh.ops.library;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
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
 * Which asset on the target is the replica of which published asset on the source, from two snapshots alone.
 * A replica is, in this order: the asset the source itself replicates (a replica made the other way), an asset
 * marked as amsh's replica of the source, or an asset named after the source's container that is nobody
 * else's replica (what the documented procedure and older amsh versions made). The one holding the source's
 * locator Ids wins; then amsh's mark, files, age. A locator Id held by an asset that is none of these is
 * someone else's setup: a conflict, never touched.
 */
public final class AssetPairing {
    /** The pairing of one source asset. {@code emptyDuplicates} are amsh's own empty replicas besides the chosen one. */
    public record Pair(Asset source, Optional<Asset> target, List<Asset> emptyDuplicates, String conflict) {
    }

    /** A published asset of the target that is no selected source's replica, and why it stands alone. */
    public record Unpaired(Asset asset, Drift drift) {
    }

    private final LibrarySnapshot source;
    private final LibrarySnapshot target;
    private final Map<String, List<Asset>> byMark = new HashMap<>();
    private final Map<String, List<Asset>> byName = new HashMap<>();

    public AssetPairing(LibrarySnapshot source, LibrarySnapshot target) {
        this.source = source;
        this.target = target;
        for (Asset t : target.assets()) {
            ReplicaTargets.sourceOf(t).ifPresent(s -> byMark.computeIfAbsent(s, k -> new ArrayList<>()).add(t));
            if (t.name() != null) {
                byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
            }
        }
    }

    public Pair pair(Asset s) {
        Set<Asset> candidates = new LinkedHashSet<>();
        ReplicaTargets.sourceOf(s).flatMap(target::asset).ifPresent(candidates::add);
        candidates.addAll(byMark.getOrDefault(s.id(), List.of()));
        for (Asset t : byName.getOrDefault(s.containerName(), List.of())) {
            if (ReplicaTargets.sourceOf(t).map(x -> x.equals(s.id())).orElse(true)) {
                candidates.add(t);
            }
        }
        Set<String> holders = new HashSet<>();
        for (Locator l : source.liveOrigins(s.id())) {
            Optional<Locator> there = target.locator(l.id());
            if (there.isEmpty()) {
                continue;
            }
            String holder = there.get().assetId();
            if (candidates.stream().noneMatch(c -> c.id().equals(holder))) {
                return new Pair(s, Optional.empty(), List.of(), "locator " + l.id() + " is on " + target.context()
                        + "'s asset " + holder + ", which is not a replica of " + s.name());
            }
            holders.add(holder);
        }
        String mark = ReplicaTargets.marker(s);
        List<Asset> ordered = candidates.stream().sorted(Comparator
                .<Asset, Boolean>comparing(c -> !holders.contains(c.id()))
                .thenComparing(c -> !mark.equals(c.alternateId()))
                .thenComparing(c -> target.files(c.id()).isEmpty())
                .thenComparing(Asset::created, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Asset::id)).toList();
        if (ordered.isEmpty()) {
            return new Pair(s, Optional.empty(), List.of(), null);
        }
        List<Asset> empty = ordered.subList(1, ordered.size()).stream()
                .filter(c -> mark.equals(c.alternateId()) && target.files(c.id()).isEmpty() && target.locators(c.id()).isEmpty())
                .toList();
        return new Pair(s, Optional.of(ordered.get(0)), empty, null);
    }

    /** The targets chosen for these source assets. */
    public Set<String> pairedTargets(List<Asset> sources) {
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
        for (Asset t : target.published()) {
            if (pairedTargets.contains(t.id()) || ReplicationRules.optedOut(t)) {
                continue; // an asset that opted out of replication is one-sided on purpose
            }
            Optional<String> of = ReplicaTargets.sourceOf(t);
            String detail = of.isEmpty() ? "published only on " + target.context()
                    : source.asset(of.get()).isPresent() ? "replica of " + of.get() + ", which is not published on " + source.context()
                    : "replica of " + of.get() + ", which " + source.context() + " no longer has";
            out.add(new Unpaired(t, new Drift(of.isPresent() ? Drift.Kind.NO_SOURCE : Drift.Kind.ONLY_ON_TARGET, null, detail)));
        }
        return out;
    }
}
