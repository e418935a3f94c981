package dev.amsh.ops;

import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Leftover;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.TemporarySweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and removes what amsh itself left behind on one datacenter of either kind, and nothing else: first what only
 * the kind knows ({@link Datacenter#sweepTemporaries}: v2's temporary SAS locators and amsh's unused access
 * policies; v3 makes none), then replica assets (marked {@code {"amshReplicaOf":…}} in their alternateId) that hold
 * no locator and either no file or a sibling replica of the same source that is in use.
 */
public final class Cleanup {
    /** What was found, and what became of each (removed, or the error that kept it). */
    public record Result(String context, boolean dryRun, List<Leftover> found, List<Leftover> removed,
                         Map<String, String> failures) {
        public boolean clean() {
            return failures.isEmpty();
        }
    }

    public Result run(Datacenter dc, boolean dryRun) {
        TemporarySweep sweep = dc.sweepTemporaries(dryRun);
        List<Leftover> found = new ArrayList<>(sweep.found());
        List<Leftover> removed = new ArrayList<>(sweep.removed());
        Map<String, String> failures = new LinkedHashMap<>(sweep.failures());

        Set<String> withLocators = sweep.assetsWithLocators();
        Map<String, List<MediaAsset>> replicasBySource = dc.assets(AssetQuery.all()).stream()
                .filter(a -> ReplicaTargets.sourceOf(a.alternateId()).isPresent())
                .collect(Collectors.groupingBy(a -> ReplicaTargets.sourceOf(a.alternateId()).orElse("")));
        for (List<MediaAsset> group : replicasBySource.values()) {
            boolean oneInUse = group.stream().anyMatch(a -> published(a, withLocators));
            List<MediaAsset> idle = group.stream().filter(a -> !published(a, withLocators))
                    .sorted(Comparator.comparing(MediaAsset::id)).toList();
            for (MediaAsset a : idle) {
                Leftover x;
                if (oneInUse) {
                    x = new Leftover(Leftover.Kind.DUPLICATE_REPLICA, a.id(), a.name(),
                            "a second replica of " + ReplicaTargets.sourceOf(a.alternateId()).orElse("?") + ", whose other replica is published");
                } else if (dc.files(a).isEmpty()) {
                    x = new Leftover(Leftover.Kind.EMPTY_REPLICA, a.id(), a.name(), "replica target with no files and no locator (a run that stopped early)");
                } else {
                    continue; // files but no locator: a failover that a re-run finishes; not ours to drop
                }
                found.add(x);
                if (!dryRun) {
                    remove(x, () -> dc.deleteAsset(a), removed, failures);
                }
            }
        }
        return new Result(dc.name(), dryRun, List.copyOf(found), List.copyOf(removed), Map.copyOf(failures));
    }

    /** A locator names its asset by v2 Id or v3 name. */
    private static boolean published(MediaAsset a, Set<String> withLocators) {
        return withLocators.contains(a.id()) || a.name() != null && withLocators.contains(a.name());
    }

    static boolean remove(Leftover x, Runnable delete, List<Leftover> removed, Map<String, String> failures) {
        try {
            delete.run();
            removed.add(x);
            return true;
        } catch (RuntimeException e) {
            failures.put(x.id(), String.valueOf(e.getMessage()));
            return false;
        }
    }
}
