package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.library.AssetOutcome;
import dev.amsh.ops.library.RecordedFile;
import dev.amsh.storage.BlobCopyOutcome;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyOptions;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The documented failover of one published asset, written once against {@link Datacenter} for every pair of kinds:
 * v2 → v2, v2 → v3 (the migration: origin locator nb:lid:UUID:G becomes the streaming locator with streamingLocatorId
 * G, so the URL path is kept), v3 → v3 (the HA sample's recipe) and v3 → v2 (clear locators). What a kind lacks is
 * asked of {@link Datacenter#can()}, and each step says per kind what it did or why it is skipped. Temporary grants
 * (v2 SAS locators and their policies) carry a {@link RunMarker} and are removed whatever happens, those an
 * interrupted run left first; a removal that fails is reported with the command that finishes it. Every write is
 * safe when its answer is lost: the target asset is found by its name and mark, a locator by its GUID, before
 * anything is made again.
 */
public final class DatacenterFailover {
    public record Options(boolean dryRun, boolean viaSas, CopyOptions copy) {
        public static Options defaults() {
            return new Options(false, false, CopyOptions.defaults());
        }
    }

    /** One locator of the source and its replica on the target (null when expired, or in a dry run). */
    public record Replica(OriginLocator source, OriginLocator replica, Outcome outcome) {
        public enum Outcome { CLONED, PRESENT, PLANNED, SKIPPED_EXPIRED }
    }

    /**
     * What the failover did. {@code sourceLocator}/{@code targetLocator} are the first live locator and its replica
     * (the URLs printed); {@code locators} holds every one. {@code leftovers} lists the commands that remove
     * temporary entities the run could not remove; the run is not clean until they are run.
     */
    public record Result(MediaAsset source, MediaAsset target, OriginLocator sourceLocator, OriginLocator targetLocator,
                         String originalUrl, String replicatedUrl, CopyReport copy, List<Step> steps, boolean dryRun,
                         List<Replica> locators, List<String> leftovers) {
        public boolean clean() {
            return leftovers.isEmpty();
        }

        /**
         * The run as one replicated asset, with the source's blobs as the copy listed them: what {@code verify}
         * checks the target against when the source does not answer. Null for a dry run.
         */
        public AssetOutcome outcome(String from, String to) {
            if (dryRun || copy == null) {
                return null;
            }
            List<String> cloned = locators.stream().filter(r -> r.outcome() == Replica.Outcome.CLONED)
                    .map(r -> r.source().guid().toString()).toList();
            return new AssetOutcome(source.name(), source.id(), from, to, target.id(), AssetOutcome.Status.REPLICATED,
                    cloned, (int) copy.count(BlobCopyOutcome.Status.COPIED), copy.bytesCopied(), copy.elapsed().toMillis(),
                    null, List.of("failover"), replicatedUrl == null ? List.of() : List.of(replicatedUrl),
                    RecordedFile.of(copy.sources()));
        }
    }

    /** A grant this run made, with the datacenter that undoes it. */
    private record Held(Datacenter datacenter, ContainerGrant grant) {
    }

    static final Duration SAS_LIFETIME = Duration.ofHours(24);

    private final Clock clock;
    private final Supplier<UUID> ids;

    public DatacenterFailover(Clock clock) {
        this(clock, UUID::randomUUID);
    }

    public DatacenterFailover(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Result run(AccountContext from, AccountContext to, String asset, Options options, Consumer<Step> onStep,
                      Consumer<CopyProgress> onProgress, CopyCancellation cancellation) {
        List<Step> steps = new ArrayList<>();
        Consumer<Step> emit = s -> {
            steps.add(s);
            onStep.accept(s);
        };
        if (from.name().equals(to.name())) {
            throw new AmshException("--to " + to.name() + " is the source context", "fail over to the other datacenter");
        }
        Datacenter a = from.datacenter();
        Datacenter b = to.datacenter();
        StepTitles titles = new StepTitles(from.name(), to.name());
        Instant now = clock.instant();

        // 1. the source, its locators and its manifest; every refusal comes before any change
        MediaAsset source = a.resolve(asset);
        refuseEncrypted(source);
        List<OriginLocator> all = a.locators(source).stream()
                .sorted(Comparator.comparing((OriginLocator l) -> window(l, now).state())
                        .thenComparing(l -> l.start() == null ? Instant.MIN : l.start())).toList();
        List<OriginLocator> toReplicate = all.stream().filter(l -> window(l, now).state() != LocatorWindow.State.EXPIRED).toList();
        List<OriginLocator> expired = all.stream().filter(l -> window(l, now).state() == LocatorWindow.State.EXPIRED).toList();
        if (toReplicate.isEmpty()) {
            throw new AmshException("asset " + source.name() + " has no " + (expired.isEmpty() ? "" : "unexpired ")
                    + a.kind().locatorNoun() + " on " + from.name(), "publish it first: publish " + source.name() + " --on " + from.name());
        }
        String ism = manifest(a.files(source));
        emit.accept(new Step(1, titles.of(1), Step.Status.DONE, source.name() + ", "
                + describe(toReplicate, expired, now) + " (" + a.kind() + " → " + b.kind() + ")"));
        checkStorage(from);
        checkStorage(to);
        b.checkStreaming();

        List<Optional<OriginLocator>> present = toReplicate.stream().map(l -> b.locator(l.guid())).toList();
        FailoverTargets targets = FailoverTargets.find(b, source, toReplicate, present, to.name());
        MediaAsset existing = targets.chosen();
        if (options.dryRun()) {
            return new FailoverPlan(from, to, titles).plan(source, toReplicate, present, expired, targets, ism, options, now,
                    emit, steps);
        }

        RunMarker run = RunMarker.create(ids);
        List<Held> grants = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        sweepInterrupted(a, source, b, existing, emit, leftovers);
        try {
            ContainerGrant read = grantStep(2, titles, a, source, false, options.viaSas() || !from.hasStorageKeys(),
                    run.name("read"), grants, emit);
            MediaAsset target;
            if (existing == null) {
                boolean[] made = {false};
                target = Outcomes.findOrCreate(() -> replicaOn(b, source), () -> {
                    made[0] = true;
                    return b.createAsset(source.container(), ReplicaTargets.marker(source.id()));
                });
                emit.accept(new Step(3, titles.of(3), made[0] ? Step.Status.DONE : Step.Status.SKIPPED,
                        (made[0] ? "" : "found after a lost answer: ") + target.name() + " (" + target.id() + ")"));
            } else {
                target = existing;
                emit.accept(new Step(3, titles.of(3), Step.Status.SKIPPED, "reusing " + target.name() + " (" + target.id()
                        + ") from an earlier run" + targets.duplicatesNote(to.name())));
            }
            ContainerGrant write = grantStep(4, titles, b, target, true, options.viaSas() || !to.hasStorageKeys(),
                    run.name("write"), grants, emit);
            String targetContainer = write.container();

            // without storage keys (v3), each side is reached through its listContainerSas URL
            CopyReport report = new CopyEngine(clock).copy(from.hasStorageKeys() ? from.storage() : from.containerStore(read),
                    read.container(), to.hasStorageKeys() ? to.storage() : to.containerStore(write), targetContainer,
                    options.copy(), onProgress, cancellation);
            if (report.cancelled()) {
                emit.accept(new Step(5, titles.of(5), Step.Status.FAILED, "cancelled; re-run to pick up"));
                throw new AmshException("failover cancelled during the copy", "re-run it; copied blobs are kept");
            }
            if (!report.succeeded()) {
                emit.accept(new Step(5, titles.of(5), Step.Status.FAILED, report.count(BlobCopyOutcome.Status.FAILED)
                        + " blob(s) failed: " + report.firstFailure()));
                throw new AmshException("the copy failed for some blobs", "re-run the failover; copied blobs are kept");
            }
            emit.accept(new Step(5, titles.of(5), Step.Status.DONE, copySummary(report)));

            if (!b.can().registersFiles()) {
                emit.accept(new Step(6, titles.of(6), Step.Status.SKIPPED, b.kind() + ": " + b.registerFiles(target)));
            } else if (existing != null && coversBlobs(b.files(target), report)) {
                emit.accept(new Step(6, titles.of(6), Step.Status.SKIPPED, "files already registered"));
            } else {
                emit.accept(new Step(6, titles.of(6), Step.Status.DONE, b.registerFiles(target)));
            }

            List<Replica> replicas = new ArrayList<>();
            for (int i = 0; i < toReplicate.size(); i++) {
                OriginLocator l = toReplicate.get(i);
                // a clone whose end was not set (its MERGE lost, or the run killed between) is finished here
                replicas.add(present.get(i).isPresent()
                        ? new Replica(l, b.alignEnd(l, present.get(i).get()), Replica.Outcome.PRESENT)
                        : new Replica(l, b.createClone(l, target), Replica.Outcome.CLONED));
            }
            expired.forEach(l -> replicas.add(new Replica(l, null, Replica.Outcome.SKIPPED_EXPIRED)));
            emit.accept(new Step(7, titles.of(7), replicas.stream().anyMatch(r -> r.outcome() == Replica.Outcome.CLONED)
                    ? Step.Status.DONE : Step.Status.SKIPPED, describeReplicas(replicas, b, now)));
            Replica primary = replicas.get(0);
            String originalUrl = url(a.streamingBase(primary.source()), ism);
            String replicatedUrl = url(b.streamingBase(primary.replica()), ism);
            revoke(grants, emit, leftovers);
            return new Result(source, target, primary.source(), primary.replica(), originalUrl, replicatedUrl, report,
                    List.copyOf(steps), false, replicas, List.copyOf(leftovers));
        } catch (RuntimeException e) {
            // the step that was running when it failed gets its FAIL line, so the list does not just stop
            Step last = steps.get(steps.size() - 1);
            if (last.status() != Step.Status.FAILED && last.number() < 7) {
                emit.accept(new Step(last.number() + 1, titles.of(last.number() + 1), Step.Status.FAILED, String.valueOf(e.getMessage())));
            }
            revoke(grants, emit, leftovers);
            if (!leftovers.isEmpty()) {
                e.addSuppressed(new AmshException("temporary entities were left behind", String.join("; ", leftovers)));
            }
            throw e;
        }
    }

    /**
     * Steps 2 and 4: a grant on the container only when asked for ({@code --via-sas}) or without storage keys; with
     * keys the container is known from the asset. The detail says per kind what a grant is there.
     */
    private ContainerGrant grantStep(int n, StepTitles titles, Datacenter dc, MediaAsset asset, boolean write,
                                     boolean needed, String mark, List<Held> grants, Consumer<Step> emit) {
        if (!needed) {
            emit.accept(new Step(n, titles.of(n), Step.Status.SKIPPED, withoutGrant(dc, asset.container())));
            return new ContainerGrant(asset.container(), null, "", false, asset.id(), null);
        }
        ContainerGrant g = dc.grant(asset, write, SAS_LIFETIME, mark);
        grants.add(new Held(dc, g));
        emit.accept(new Step(n, titles.of(n), Step.Status.DONE, "container " + g.container() + (g.revocable() ? ""
                : " (" + dc.kind() + ": listContainerSas, nothing to remove; it lapses within 23 hours)")));
        return g;
    }

    /** Why steps 2 and 4 need no grant, per kind. */
    static String withoutGrant(Datacenter dc, String container) {
        return dc.can().sasLocators() ? "storage keys at hand: container " + container + " known from Asset.Uri"
                : dc.kind() + ": no SAS locators; container " + container + " from the asset";
    }

    /** A storage-encrypted asset cannot be replicated: its key differs per account. */
    static void refuseEncrypted(MediaAsset source) {
        if (source.encrypted()) {
            throw new AmshException("asset " + source.name() + " is storage-encrypted and cannot be replicated",
                    "the encryption key differs per account; replicate a clear asset instead");
        }
    }

    /** Storage keys are checked before any change; a v3 side may have none (its listContainerSas URLs serve instead). */
    static void checkStorage(AccountContext c) {
        if (c.hasStorageKeys()) {
            StorageKeys.check(c);
        } else if (c.datacenter().can().sasLocators()) {
            StorageKeys.require(c); // a v2 write SAS locator cannot list its container: the copy needs the key
        }
    }

    /** Temporary grants an interrupted run left on the source or the target go before this run makes its own. */
    private static void sweepInterrupted(Datacenter a, MediaAsset source, Datacenter b, MediaAsset existingTarget,
                                         Consumer<Step> emit, List<String> leftovers) {
        List<Held> left = new ArrayList<>();
        a.leftGrants(source).forEach(g -> left.add(new Held(a, g)));
        if (existingTarget != null) {
            b.leftGrants(existingTarget).forEach(g -> left.add(new Held(b, g)));
        }
        if (left.isEmpty()) {
            return;
        }
        List<String> notRemoved = new ArrayList<>();
        for (Held h : left) {
            try {
                h.datacenter().revoke(h.grant());
            } catch (RuntimeException e) {
                notRemoved.add(removeCommand(h));
            }
        }
        leftovers.addAll(notRemoved);
        emit.accept(new Step(1, "temporary SAS locators of an interrupted run", Step.Status.CLEANUP, left.size() + " removed"
                + (notRemoved.isEmpty() ? "" : "; not removed, run: " + String.join("; ", notRemoved))));
    }

    private static String removeCommand(Held h) {
        return "sas rm " + h.grant().id() + " --on " + h.datacenter().name();
    }

    private static void revoke(List<Held> grants, Consumer<Step> emit, List<String> leftovers) {
        // an interrupted thread fails every HTTP call at once: clear the flag so the cleanup happens, then restore it
        boolean interrupted = Thread.interrupted();
        try {
            for (Held h : grants) {
                ContainerGrant g = h.grant();
                if (!g.revocable()) {
                    continue;
                }
                Datacenter dc = h.datacenter();
                try {
                    dc.revoke(g);
                    emit.accept(new Step(8, "remove temporary SAS locator on " + dc.name(), Step.Status.CLEANUP, g.id()));
                } catch (RuntimeException e) {
                    leftovers.add(removeCommand(h));
                    emit.accept(new Step(8, "remove temporary SAS locator on " + dc.name(), Step.Status.FAILED,
                            e.getMessage() + " - remove it with '" + removeCommand(h) + "'"));
                }
            }
            grants.clear();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the target's registered files name every top-level blob the copy listed. */
    static boolean coversBlobs(List<MediaFile> files, CopyReport copied) {
        List<String> names = files.stream().map(MediaFile::name).toList();
        return !files.isEmpty() && copied.sources().stream().filter(x -> !x.name().contains("/"))
                .allMatch(x -> names.contains(x.name()));
    }

    /** The replica amsh made of this source: named after its container and carrying its mark. */
    static Optional<MediaAsset> replicaOn(Datacenter b, MediaAsset source) {
        String mark = ReplicaTargets.marker(source.id());
        return b.named(source.container()).stream().filter(x -> mark.equals(x.alternateId())).findFirst();
    }

    static LocatorWindow window(OriginLocator l, Instant now) {
        return LocatorWindow.of(l.start(), l.end(), now);
    }

    /** The single .ism of the asset's files (v2: the primary one), or null. */
    static String manifest(List<MediaFile> files) {
        return files.stream().filter(MediaFile::primary).map(MediaFile::name).filter(n -> n.toLowerCase().endsWith(".ism"))
                .findFirst().orElseGet(() -> files.stream().map(MediaFile::name).filter(n -> n.toLowerCase().endsWith(".ism")
                        && !n.contains("/")).findFirst().orElse(null));
    }

    static String url(String base, String ism) {
        String b = base.endsWith("/") ? base : base + "/";
        return ism == null ? b : b + ism + "/manifest";
    }

    public static String copySummary(CopyReport r) {
        return r.count(BlobCopyOutcome.Status.COPIED) + " copied, " + r.count(BlobCopyOutcome.Status.SKIPPED)
                + " skipped, " + r.bytesCopied() + " bytes in " + r.elapsed().toMillis() + " ms";
    }

    private static String describe(List<OriginLocator> replicate, List<OriginLocator> expired, Instant now) {
        String list = replicate.stream().map(l -> l.guid() + (window(l, now).state() == LocatorWindow.State.ACTIVE ? ""
                : " (" + window(l, now).describe() + ")")).collect(Collectors.joining(", "));
        return (replicate.size() == 1 ? "locator " : replicate.size() + " locators ") + list + (expired.isEmpty() ? ""
                : "; not replicated, expired: " + expired.stream().map(l -> l.guid() + " (" + window(l, now).describe() + ")")
                .collect(Collectors.joining(", ")));
    }

    static String describeReplicas(List<Replica> replicas, Datacenter b, Instant now) {
        String how = switch (b.kind()) {
            case V2 -> "origin locator nb:lid:UUID:";
            case V3 -> "streaming locator with streamingLocatorId ";
        };
        return replicas.stream().map(r -> how + r.source().guid() + switch (r.outcome()) {
            case CLONED -> window(r.source(), now).state() == LocatorWindow.State.PENDING
                    ? " (cloned, " + window(r.source(), now).describe() + ")" : "";
            case PRESENT -> " (already there)";
            case PLANNED -> " (to clone)";
            case SKIPPED_EXPIRED -> " (not replicated: " + window(r.source(), now).describe() + ")";
        }).collect(Collectors.joining(", "));
    }

    /** The procedure's step titles, numbered as the steps print. */
    record StepTitles(String from, String to) {
        String of(int n) {
            return ProcedureStep.failoverTitle(n, from, to);
        }
    }
}
