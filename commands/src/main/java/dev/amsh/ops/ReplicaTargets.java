package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The target asset of a replica: named after the source's container (the procedure's CreateTargetEmptyAsset)
 * and marked in its AlternateId as amsh's replica of the source, so a re-run, a lost answer and {@code cleanup}
 * all find the same one. Should a duplicate exist (an earlier version, a run killed mid-call), the one that
 * already holds files wins and the others are reported, never used.
 */
public final class ReplicaTargets {
    private static final String MARK_KEY = "\"amshReplicaOf\":";

    private ReplicaTargets() {
    }

    /** The candidates on the target: every asset named after the source container, best first. */
    public record Candidates(List<Asset> all) {
        public Optional<Asset> best() {
            return all.stream().findFirst();
        }

        public List<Asset> duplicates() {
            return all.size() <= 1 ? List.of() : all.subList(1, all.size());
        }
    }

    /** The AlternateId a replica of {@code source} carries. */
    public static String marker(Asset source) {
        return marker(source.id());
    }

    /** The AlternateId a replica of the source with this Id carries, on either kind. */
    public static String marker(String sourceId) {
        return "{" + MARK_KEY + "\"" + sourceId + "\"}";
    }

    /** The $filter that lists every replica amsh made on an account. */
    public static Query allReplicas() {
        return Query.filter("startswith(AlternateId," + Query.literal("{" + MARK_KEY) + ")");
    }

    /** Whether an asset is a replica amsh made (of any source). */
    public static boolean isReplica(Asset a) {
        return a.alternateId() != null && a.alternateId().contains(MARK_KEY);
    }

    /** The source Id a replica names, if it is one. */
    public static Optional<String> sourceOf(Asset a) {
        return sourceOf(a.alternateId());
    }

    /** The source Id an alternateId of either kind names, if it is amsh's replica mark. */
    public static Optional<String> sourceOf(String s) {
        if (s == null || !s.contains(MARK_KEY)) {
            return Optional.empty();
        }
        int start = s.indexOf('"', s.indexOf(MARK_KEY) + MARK_KEY.length()) + 1;
        int end = s.indexOf('"', start);
        return start > 0 && end > start ? Optional.of(s.substring(start, end)) : Optional.empty();
    }

    public static Candidates find(AmsClient target, Asset source, Predicate<Asset> holdsFiles) {
        List<Asset> named = target.listAssets(Query.filter("Name eq " + Query.literal(source.containerName()))).toList();
        String mark = marker(source);
        // ours first, then one holding files, then the oldest: a stable choice across runs
        Comparator<Asset> order = Comparator.<Asset, Boolean>comparing(a -> !mark.equals(a.alternateId()))
                .thenComparing(a -> !holdsFiles.test(a))
                .thenComparing(Asset::created, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Asset::id);
        return new Candidates(named.stream().sorted(order).toList());
    }
}
