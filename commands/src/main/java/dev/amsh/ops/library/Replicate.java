package dev.amsh.ops.library;

import dev.amsh.ams.http.RequestGate;
import dev.amsh.concurrent.DaemonPools;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.error.AmshException;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyProgress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code replicate}: every selected published asset of one datacenter onto the other (and, both ways, what only
 * the other publishes back), many assets at once. Each side is read once; per asset only its container
 * listings and its writes remain. One asset's failure never stops the others; a datacenter that stops answering
 * stops the run early. Requests to each datacenter pass its {@link RequestGate}, opened for the run: throttling
 * slows the run down, and {@code maxRps} caps it.
 */
public final class Replicate {
    /** What a run reports as it goes. */
    public interface Listener {
        void progress(ReplicationProgress p);

        void finished(AssetOutcome outcome);
    }

    /** Opens the run's journal once the work is known and the selection valid, before the first write. */
    public interface JournalOpener {
        ReplicationJournal open();
    }

    /** One unit of work: a source asset in one direction. */
    record Task(Library library, MediaAsset asset) {
    }

    private final Clock clock;

    public Replicate(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs; {@code journalOpener} (may be null) gives the journal that receives each outcome. {@code finishedBefore}
     * (source Ids an earlier run of the same plan finished) go last, since they are most likely in sync already.
     */
    public ReplicateReport run(AccountContext from, AccountContext to, ReplicateOptions options, JournalOpener journalOpener,
                               Set<String> finishedBefore, Listener listener, CopyCancellation cancellation) {
        long t0 = System.nanoTime();
        long calls0 = from.restCalls() + to.restCalls();
        int ceiling = Math.max(16, options.concurrency() * options.copy().concurrency());
        try (RequestGate.Window wa = from.gate().open(ceiling, ceiling, options.maxRps());
             RequestGate.Window wb = to.gate().open(ceiling, ceiling, options.maxRps())) {
            Library forward = Library.read(from, to, clock.instant());
            List<Task> tasks = new ArrayList<>();
            for (MediaAsset a : options.selection().apply(forward.source())) {
                tasks.add(new Task(forward, a));
            }
            if (options.bothWays()) {
                tasks.addAll(backTasks(forward, options.selection()));
            }
            options.selection().refuseEmpty(from.name(), tasks.isEmpty());
            long listingCalls = from.restCalls() + to.restCalls() - calls0;
            tasks.sort(Comparator.comparing((Task t) -> finishedBefore.contains(t.asset().id())));
            ReplicationJournal journal = journalOpener == null || options.dryRun() ? null : journalOpener.open();
            Executed done = execute(tasks, options, journal, listener, cancellation, from, to, t0);
            long finished = done.outcomes().stream().filter(o -> o.status() != AssetOutcome.Status.NOT_RUN).count();
            ReplicateReport report = new ReplicateReport(done.outcomes(), options.dryRun(), (System.nanoTime() - t0) / 1_000_000,
                    from.restCalls() + to.restCalls() - calls0, listingCalls, from.gate().throttled() + to.gate().throttled(),
                    done.down() == null ? null : done.down() + ": stopped after " + finished + " of " + tasks.size()
                            + " asset(s); run 'replicate --resume' when it answers again",
                    journal == null ? null : journal.file().toString());
            if (journal != null && report.stoppedBecause() == null && !cancellation.isCancelled()) {
                journal.end(report);
            }
            return report;
        }
    }

    /** Every task's outcome, and the datacenter that stopped answering, if one did. */
    private record Executed(List<AssetOutcome> outcomes, String down) {
    }

    /**
     * Both ways: b's published assets that are no replica of a's and no source of one. A replica whose source a
     * no longer has is not sent back (that would undo a deletion); compare lists it.
     */
    private static List<Task> backTasks(Library forward, Selection selection) {
        Set<String> paired = forward.pairing().pairedTargets(forward.source().published());
        Library back = forward.reversed();
        List<Task> out = new ArrayList<>();
        for (AssetPairing.Unpaired u : forward.pairing().targetOnly(paired)) {
            if (u.drift().kind() == Drift.Kind.ONLY_ON_TARGET && selection.takesFromOtherSide(u.asset().name())) {
                out.add(new Task(back, u.asset()));
            }
        }
        return out;
    }

    private Executed execute(List<Task> tasks, ReplicateOptions options, ReplicationJournal journal, Listener listener,
                             CopyCancellation cancellation, AccountContext from, AccountContext to, long t0) {
        DatacenterWatch watch = new DatacenterWatch(List.of(from, to));
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
        List<DatacenterAssetReplicator> replicators = new ArrayList<>();
        ExecutorService pool = DaemonPools.fixed("amsh-replicate", Math.min(options.concurrency(), tasks.size()));
        try {
            List<Future<AssetOutcome>> futures = new ArrayList<>();
            for (Task task : tasks) {
                DatacenterAssetReplicator replicator = replicatorFor(task.library(), options, replicators);
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
            return new Executed(out, watch.down());
        } finally {
            pool.shutdownNow();
        }
    }

    private DatacenterAssetReplicator replicatorFor(Library library, ReplicateOptions options, List<DatacenterAssetReplicator> made) {
        // one per direction, so what it learns of the target once (its streaming base) serves every asset going that way
        for (DatacenterAssetReplicator r : made) {
            if (r.library() == library) {
                return r;
            }
        }
        DatacenterAssetReplicator r = new DatacenterAssetReplicator(library, clock, options);
        made.add(r);
        return r;
    }

    private static AssetOutcome one(Task task, DatacenterAssetReplicator replicator, DatacenterWatch watch,
                                    Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        Library lib = task.library();
        String from = lib.source().name();
        String to = lib.target().name();
        MediaAsset a = task.asset();
        if (watch.down() != null || cancellation.isCancelled()) {
            return new AssetOutcome(a.name(), a.id(), from, to, null, AssetOutcome.Status.NOT_RUN, List.of(), 0, 0, 0,
                    watch.down() != null ? "not started: " + watch.down() : "not started: cancelled", List.of(), List.of());
        }
        long t0 = System.nanoTime();
        try {
            return replicator.run(lib.examine(a, true), progress, cancellation);
        } catch (RuntimeException e) {
            watch.failed(e);
            return new AssetOutcome(a.name(), a.id(), from, to, null, AssetOutcome.Status.FAILED, List.of(), 0, 0,
                    (System.nanoTime() - t0) / 1_000_000, String.valueOf(e.getMessage()), List.of(), List.of());
        }
    }
}
