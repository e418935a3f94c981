package dev.amsh.ops.library;

import dev.amsh.concurrent.DaemonPools;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.ReplicaTargets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * {@code compare} on the datacenter seam: each side read once (assets and streaming locators), each selected
 * published asset examined against its replica ({@link DatacenterExamination}: locators by GUID, blobs from the
 * two containers), and what the target publishes without a source on this side.
 */
final class DatacenterCompare {
    private final Clock clock;

    DatacenterCompare(Clock clock) {
        this.clock = clock;
    }

    CompareReport run(AccountContext from, AccountContext to, Compare.Options options) {
        if (from.name().equals(to.name())) {
            throw new AmshException("source and target are both " + from.name(), "name two different contexts, e.g. a b");
        }
        long t0 = System.nanoTime();
        long calls0 = from.restCalls() + to.restCalls();
        var s = CompletableFuture.supplyAsync(() -> DatacenterSnapshot.read(from, clock.instant()));
        var t = CompletableFuture.supplyAsync(() -> DatacenterSnapshot.read(to, clock.instant()));
        DatacenterSnapshot source = join(s);
        DatacenterSnapshot target = join(t);
        List<MediaAsset> selected = DatacenterReplicate.select(source, options.selection());
        List<AssetComparison> out = examineAll(source, target, selected, options);
        Set<UUID> sourceGuids = source.locatorsByGuid().keySet();
        for (MediaAsset b : target.published()) {
            Optional<String> of = ReplicaTargets.sourceOf(b.alternateId());
            boolean paired = of.isPresent() && source.assets().stream().anyMatch(x -> x.id().equals(of.get()))
                    || target.live(b).stream().map(OriginLocator::guid).anyMatch(sourceGuids::contains)
                    || source.hasReplicaOf(b);
            if (!paired && options.selection().takesFromOtherSide(b.name())) {
                Drift d = of.isPresent() ? new Drift(Drift.Kind.NO_SOURCE, null, "a replica of " + of.get() + ", which "
                        + from.name() + " no longer has") : new Drift(Drift.Kind.ONLY_ON_TARGET, null, "published only on " + to.name());
                out.add(new AssetComparison(b.name(), null, b.id(), AssetComparison.Status.ONLY_ON_TARGET, List.of(d)));
            }
        }
        options.selection().refuseEmpty(from.name(), out.isEmpty());
        return new CompareReport(from.name(), to.name(), out, options.deep(), options.quick(), (System.nanoTime() - t0) / 1_000_000,
                from.restCalls() + to.restCalls() - calls0);
    }

    private static DatacenterSnapshot join(CompletableFuture<DatacenterSnapshot> f) {
        try {
            return f.join();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static List<AssetComparison> examineAll(DatacenterSnapshot source, DatacenterSnapshot target, List<MediaAsset> selected,
                                                    Compare.Options options) {
        ExecutorService pool = DaemonPools.fixed("amsh-compare", Math.max(1, Math.min(options.concurrency(), selected.size())));
        try {
            List<Future<AssetComparison>> futures = new ArrayList<>();
            for (MediaAsset a : selected) {
                futures.add(pool.submit(() -> DatacenterExamination.of(source, target, a, !options.quick()).comparison()));
            }
            List<AssetComparison> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    MediaAsset a = selected.get(i);
                    out.add(new AssetComparison(a.name(), a.id(), null, AssetComparison.Status.ERROR,
                            List.of(new Drift(Drift.Kind.UNREADABLE, null, String.valueOf(e.getCause().getMessage())))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("compare interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
