package dev.amsh.ops.library;

import dev.amsh.concurrent.DaemonPools;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Assets;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyProgress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code replicate} on the datacenter seam, for every kind of pair: each side read once ({@link DatacenterSnapshot}),
 * the selection taken from the source's snapshot, and each asset carried out by {@link DatacenterAssetReplicator}.
 * The journal, {@code --resume}, {@code --both-ways} and {@code --dry-run} are {@link Replicate}'s, unchanged.
 */
final class DatacenterReplicate {
    /** One unit of work: a source asset in one direction. */
    record Task(DatacenterSnapshot source, DatacenterSnapshot target, MediaAsset asset) {
    }

    private final Clock clock;

    DatacenterReplicate(Clock clock) {
        this.clock = clock;
    }

    ReplicateReport run(AccountContext from, AccountContext to, ReplicateOptions options, Replicate.JournalOpener journalOpener,
                        Set<String> finishedBefore, Replicate.Listener listener, CopyCancellation cancellation) {
        if (from.name().equals(to.name())) {
            throw new AmshException("source and target are both " + from.name(), "name two different contexts, e.g. a b");
        }
        long t0 = System.nanoTime();
        long calls0 = from.restCalls() + to.restCalls();
        var s = CompletableFuture.supplyAsync(() -> DatacenterSnapshot.read(from, clock.instant()));
        var t = CompletableFuture.supplyAsync(() -> DatacenterSnapshot.read(to, clock.instant()));
        DatacenterSnapshot source = join(s);
        DatacenterSnapshot target = join(t);
        List<Task> tasks = new ArrayList<>();
        select(source, options.selection()).forEach(a -> tasks.add(new Task(source, target, a)));
        if (options.bothWays()) {
            for (MediaAsset a : target.published()) {
                boolean isReplica = ReplicaTargets.sourceOf(a.alternateId()).isPresent();
                if (!isReplica && !source.hasReplicaOf(a) && source.replicaOf(a, target.live(a)).isEmpty()
                        && options.selection().takesFromOtherSide(a.name())) {
                    tasks.add(new Task(target, source, a));
                }
            }
        }
        options.selection().refuseEmpty(from.name(), tasks.isEmpty());
        long listingCalls = from.restCalls() + to.restCalls() - calls0;
        tasks.sort(Comparator.comparing((Task x) -> finishedBefore.contains(x.asset().id())));
        ReplicationJournal journal = journalOpener == null || options.dryRun() ? null : journalOpener.open();
        DatacenterWatch watch = new DatacenterWatch(List.of(from, to));
        List<AssetOutcome> outcomes = execute(tasks, options, journal, listener, cancellation, watch, t0, from, to);
        long finished = outcomes.stream().filter(o -> o.status() != AssetOutcome.Status.NOT_RUN).count();
        ReplicateReport report = new ReplicateReport(outcomes, options.dryRun(), (System.nanoTime() - t0) / 1_000_000,
                from.restCalls() + to.restCalls() - calls0, listingCalls, from.gate().throttled() + to.gate().throttled(),
                watch.down() == null ? null : watch.down() + ": stopped after " + finished + " of " + tasks.size()
                        + " asset(s); run 'replicate --resume' when it answers again",
                journal == null ? null : journal.file().toString());
        if (journal != null && report.stoppedBecause() == null && !cancellation.isCancelled()) {
            journal.end(report);
        }
        return report;
    }

    private static DatacenterSnapshot join(CompletableFuture<DatacenterSnapshot> f) {
        try {
            return f.join();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The selection on a snapshot: published ones by default, named ones published or not, a glob, a $filter. */
    static List<MediaAsset> select(DatacenterSnapshot side, Selection selection) {
        if (selection.isAll()) {
            return side.published();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String wanted : selection.assets()) {
            List<MediaAsset> match = side.assets().stream().filter(a -> a.id().equalsIgnoreCase(wanted) || wanted.equals(a.name())
                    || (wanted.length() == 36 && a.id().toLowerCase().endsWith(":" + wanted.toLowerCase()))).toList();
            if (match.isEmpty()) {
                throw new AmshException("no asset named or with Id '" + wanted + "' on " + side.name(),
                        "'assets ls --on " + side.name() + "' lists them");
            }
            match.forEach(a -> ids.add(a.id()));
        }
        List<MediaAsset> out = new ArrayList<>(selection.assets().isEmpty() ? side.published()
                : side.assets().stream().filter(a -> ids.contains(a.id())).toList());
        if (selection.glob() != null && !selection.glob().isBlank()) {
            Pattern p = Assets.globPattern(selection.glob());
            out.removeIf(a -> a.name() == null || !p.matcher(a.name()).matches());
        }
        if (selection.filter() != null && !selection.filter().isBlank()) {
            Set<String> kept = side.datacenter().assets(new AssetQuery(null, selection.filter(), null)).stream()
                    .map(MediaAsset::id).collect(Collectors.toSet());
            out.removeIf(a -> !kept.contains(a.id()));
        }
        return out;
    }

    private List<AssetOutcome> execute(List<Task> tasks, ReplicateOptions options, ReplicationJournal journal,
                                       Replicate.Listener listener, CopyCancellation cancellation, DatacenterWatch watch,
                                       long t0, AccountContext from, AccountContext to) {
        AtomicInteger replicated = new AtomicInteger();
        AtomicInteger inSync = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicLong blobs = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Runnable report = () -> listener.progress(new ReplicationProgress(tasks.size(), replicated.get(), inSync.get(),
                failed.get(), skipped.get(), blobs.get(), bytes.get(), (System.nanoTime() - t0) / 1_000_000,
                from.gate().throttled() + to.gate().throttled(), Math.min(from.gate().limit(), to.gate().limit())));
        Consumer<CopyProgress> blobProgress = p -> report.run();
        DatacenterAssetReplicator forward = new DatacenterAssetReplicator(clock, options);
        DatacenterAssetReplicator back = new DatacenterAssetReplicator(clock, options);
        ExecutorService pool = DaemonPools.fixed("amsh-replicate", Math.max(1, Math.min(options.concurrency(), tasks.size())));
        try {
            List<Future<AssetOutcome>> futures = new ArrayList<>();
            for (Task task : tasks) {
                DatacenterAssetReplicator replicator = task.source().context() == from ? forward : back;
                futures.add(pool.submit(() -> {
                    AssetOutcome o = one(task, replicator, watch, blobProgress, cancellation);
                    switch (o.status()) {
                        case REPLICATED, PLANNED -> replicated.incrementAndGet();
                        case IN_SYNC -> inSync.incrementAndGet();
                        case SKIPPED -> skipped.incrementAndGet();
                        case FAILED -> failed.incrementAndGet();
                        default -> {
                        }
                    }
                    blobs.addAndGet(o.blobs());
                    bytes.addAndGet(o.bytes());
                    if (journal != null && o.status() != AssetOutcome.Status.NOT_RUN) {
                        journal.record(o, clock.instant());
                    }
                    listener.finished(o);
                    report.run();
                    return o;
                }));
            }
            List<AssetOutcome> out = new ArrayList<>();
            for (Future<AssetOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    cancellation.cancel();
                    Thread.currentThread().interrupt();
                    throw new AmshException("replicate interrupted", "re-run it: 'replicate --resume' continues");
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AssetOutcome one(Task task, DatacenterAssetReplicator replicator, DatacenterWatch watch,
                                    Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        MediaAsset a = task.asset();
        String from = task.source().name();
        String to = task.target().name();
        if (watch.down() != null || cancellation.isCancelled()) {
            return new AssetOutcome(a.name(), a.id(), from, to, null, AssetOutcome.Status.NOT_RUN, List.of(), 0, 0, 0,
                    watch.down() != null ? "not started: " + watch.down() : "not started: cancelled", List.of(), List.of());
        }
        long t0 = System.nanoTime();
        try {
            return replicator.run(task.source(), task.target(), a, progress, cancellation);
        } catch (RuntimeException e) {
            watch.failed(e);
            return new AssetOutcome(a.name(), a.id(), from, to, null, AssetOutcome.Status.FAILED, List.of(), 0, 0,
                    (System.nanoTime() - t0) / 1_000_000, String.valueOf(e.getMessage()), List.of(), List.of());
        }
    }
}
