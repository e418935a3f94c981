package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.storage.BlobCopyOutcome;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyOptions;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole documented failover of one published asset from one datacenter to another, step by step:
 * read SAS on the source, empty target asset, write SAS on the target, server-side blob copy,
 * CreateFileInfos, and on the target every origin locator of the source with its Id, start and expiry.
 * Temporary SAS locators and their policies carry a {@link RunMarker} and are removed whatever happens; a
 * removal that fails is reported with the command that finishes it. Every step is safe to re-run, and every
 * write is safe when its answer is lost (see {@link Outcomes}).
 * With storage keys at hand the two SAS steps, which the procedure needs only to learn container names,
 * are skipped (and reported so) unless {@code viaSas} asks for them.
 */
public final class Failover {
    public record Options(boolean dryRun, boolean viaSas, CopyOptions copy) {
        public static Options defaults() {
            return new Options(false, false, CopyOptions.defaults());
        }
    }

    /** One origin locator of the source and what became of it on the target. */
    public record LocatorReplica(Locator source, Locator replica, LocatorWindow window, Outcome outcome) {
        public enum Outcome { CLONED, PRESENT, PLANNED, SKIPPED_EXPIRED }
    }

    /**
     * What the failover did. {@code sourceLocator}/{@code targetLocator} are the first active origin locator and
     * its replica (the URLs printed); {@code locators} holds every one. {@code leftovers} lists the commands
     * that remove temporary entities the run could not remove; the run is not clean until they are run.
     */
    public record Result(Asset source, Asset target, Locator sourceLocator, Locator targetLocator,
                         String originalUrl, String replicatedUrl, CopyReport copy, List<Step> steps,
                         boolean dryRun, List<LocatorReplica> locators, List<String> leftovers) {
        public boolean clean() {
            return leftovers.isEmpty();
        }
    }

    static final Duration SAS_LIFETIME = Duration.ofHours(24);

    private final Clock clock;
    private final Supplier<UUID> ids;

    public Failover(Clock clock) {
        this(clock, UUID::randomUUID);
    }

    public Failover(Clock clock, Supplier<UUID> ids) {
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
        AmsClient a = from.ams();
        AmsClient b = to.ams();

        // 1. the source asset, its origin locators and its manifest; every refusal comes before any change
        Asset source = Assets.resolve(a, asset);
        CopyAsset.refuseEncrypted(source);
        SourceLocators origins = SourceLocators.of(a, source, clock.instant());
        List<AssetFile> sourceFiles = a.listFiles(source.id());
        String ism = StreamingUrls.manifest(sourceFiles).map(AssetFile::name).orElse(null);
        emit.accept(new Step(1, ProcedureStep.failoverTitle(1, from.name(), to.name()), Step.Status.DONE,
                source.name() + ", " + origins.describe()));
        StorageKeys.check(from);
        StorageKeys.check(to);

        // the target: named after the source container; the one holding an already cloned locator wins
        List<Optional<Locator>> present = origins.toReplicate().stream().map(l -> b.findLocator(l.id())).toList();
        ReplicaTargets.Candidates candidates = ReplicaTargets.find(b, source, t -> !b.listFiles(t.id()).isEmpty());
        Asset existingTarget = chooseTarget(to.name(), origins.toReplicate(), present, candidates);
        if (options.dryRun()) {
            return new FailoverPlan(from, to).plan(source, origins, present, ism, !options.viaSas(),
                    Optional.ofNullable(existingTarget), candidates.duplicates(), emit, steps);
        }

        RunMarker run = RunMarker.create(ids);
        List<SasLocator> temporary = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        StepTitles titles = new StepTitles(from.name(), to.name());
        sweepInterrupted(origins, existingTarget, a, b, from.name(), to.name(), emit, leftovers);
        try {
            String sourceContainer = source.containerName();
            if (!options.viaSas()) {
                emit.accept(new Step(2, titles.of(2), Step.Status.SKIPPED,
                        "storage keys at hand: container " + sourceContainer + " known from Asset.Uri"));
            } else {
                SasLocator read = SasLocator.create(from.name(), a, source, false, SAS_LIFETIME, clock, run.name("read"));
                temporary.add(read);
                sourceContainer = read.containerName();
                emit.accept(new Step(2, titles.of(2), Step.Status.DONE, "container " + sourceContainer));
            }

            Asset target;
            if (existingTarget == null) {
                ReplicaTargets.Created made = ReplicaTargets.findOrCreate(b, source);
                target = made.asset();
                emit.accept(new Step(3, titles.of(3), made.created() ? Step.Status.DONE : Step.Status.SKIPPED,
                        (made.created() ? "" : "found after a lost answer: ") + target.name() + " (" + target.id() + ")"));
            } else {
                target = existingTarget;
                emit.accept(new Step(3, titles.of(3), Step.Status.SKIPPED, "reusing " + target.name() + " ("
                        + target.id() + ") from an earlier run" + duplicatesNote(candidates, target, to.name())));
            }

            String targetContainer = target.containerName();
            if (!options.viaSas()) {
                emit.accept(new Step(4, titles.of(4), Step.Status.SKIPPED,
                        "storage keys at hand: container " + targetContainer + " known from Asset.Uri"));
            } else {
                SasLocator write = SasLocator.create(to.name(), b, target, true, SAS_LIFETIME, clock, run.name("write"));
                temporary.add(write);
                targetContainer = write.containerName();
                emit.accept(new Step(4, titles.of(4), Step.Status.DONE, "container " + targetContainer));
            }

            CopyReport report = new CopyEngine(clock).copy(from.storage(), sourceContainer, to.storage(),
                    targetContainer, options.copy(), onProgress, cancellation);
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

            // a target made in this run has no files yet: no need to ask
            List<AssetFile> targetFiles = existingTarget != null ? b.listFiles(target.id()) : List.of();
            if (coversBlobs(targetFiles, to.storage().list(targetContainer))) {
                RegisterFiles.markPrimaryManifest(b, targetFiles);
                emit.accept(new Step(6, titles.of(6), Step.Status.SKIPPED, targetFiles.size() + " files already registered"));
            } else {
                b.createFileInfos(target.id());
                targetFiles = b.listFiles(target.id());
                RegisterFiles.markPrimaryManifest(b, targetFiles);
                emit.accept(new Step(6, titles.of(6), Step.Status.DONE, targetFiles.size() + " files registered"));
            }

            List<LocatorReplica> replicas = new LocatorReplication(clock).replicate(origins, present, b, target);
            emit.accept(new Step(7, titles.of(7), replicas.stream().anyMatch(r -> r.outcome() == LocatorReplica.Outcome.CLONED)
                    ? Step.Status.DONE : Step.Status.SKIPPED, LocatorReplication.describe(replicas)));
            LocatorReplica primary = replicas.stream().filter(r -> r.replica() != null).findFirst().orElseThrow();
            String originalUrl = ism == null ? primary.source().path() : StreamingUrls.manifestUrl(primary.source(), ism);
            String replicatedUrl = ism == null ? primary.replica().path() : StreamingUrls.manifestUrl(primary.replica(), ism);
            cleanup(temporary, from, to, emit, leftovers);
            return new Result(source, target, primary.source(), primary.replica(), originalUrl, replicatedUrl, report,
                    List.copyOf(steps), false, replicas, List.copyOf(leftovers));
        } catch (RuntimeException e) {
            // the step that was running when it failed gets its FAIL line, so the list does not just stop
            Step last = steps.get(steps.size() - 1);
            if (last.status() != Step.Status.FAILED && last.number() < 7) {
                emit.accept(new Step(last.number() + 1, titles.of(last.number() + 1), Step.Status.FAILED,
                        String.valueOf(e.getMessage())));
            }
            cleanup(temporary, from, to, emit, leftovers);
            if (!leftovers.isEmpty()) {
                e.addSuppressed(new AmshException("temporary entities were left behind", String.join("; ", leftovers)));
            }
            throw e;
        }
    }

    /**
     * The target asset already in use: the one holding a cloned locator, else the best named candidate.
     * A cloned locator on an asset that is not named after the source container is someone else's setup:
     * refused before any change.
     */
    static Asset chooseTarget(String toName, List<Locator> origins, List<Optional<Locator>> present,
                              ReplicaTargets.Candidates candidates) {
        for (int i = 0; i < origins.size(); i++) {
            if (present.get(i).isEmpty()) {
                continue;
            }
            String holder = present.get(i).get().assetId();
            Optional<Asset> match = candidates.all().stream().filter(c -> c.id().equals(holder)).findFirst();
            if (match.isEmpty()) {
                throw new AmshException("locator " + origins.get(i).id() + " already exists on " + toName
                        + " for asset " + holder + ", which is not named after the source's container",
                        "if that asset is a replica made by hand, continue with 'copy … --to " + toName + " --into "
                                + holder + "'; nothing was changed");
            }
            return match.get();
        }
        return candidates.best().orElse(null);
    }

    /** Temporary SAS locators an interrupted run left on the source or the target go before this run makes its own. */
    private static void sweepInterrupted(SourceLocators origins, Asset existingTarget, AmsClient a, AmsClient b,
                                         String fromName, String toName, Consumer<Step> emit, List<String> leftovers) {
        List<Locator> onTarget = existingTarget == null ? List.of() : Temporaries.of(b.listLocatorsOf(existingTarget.id()));
        if (origins.temporaries().isEmpty() && onTarget.isEmpty()) {
            return;
        }
        leftovers.addAll(Temporaries.sweep(a, fromName, origins.temporaries()));
        leftovers.addAll(Temporaries.sweep(b, toName, onTarget));
        emit.accept(new Step(1, "temporary SAS locators of an interrupted run", Step.Status.CLEANUP,
                (origins.temporaries().size() + onTarget.size()) + " removed"
                        + (leftovers.isEmpty() ? "" : "; not removed, run: " + String.join("; ", leftovers))));
    }

    private static String duplicatesNote(ReplicaTargets.Candidates c, Asset chosen, String to) {
        long others = c.all().stream().filter(x -> !x.id().equals(chosen.id())).count();
        return others == 0 ? "" : "; " + others + " duplicate(s) left by earlier runs: 'cleanup --on " + to + "' removes them";
    }

    private static void cleanup(List<SasLocator> temporary, AccountContext from, AccountContext to,
                                Consumer<Step> emit, List<String> leftovers) {
        // an interrupted thread fails every HTTP call at once: clear the flag so the cleanup happens, then restore it
        boolean interrupted = Thread.interrupted();
        try {
            for (SasLocator sas : temporary) {
                AmsClient ams = sas.context().equals(from.name()) ? from.ams() : to.ams();
                try {
                    sas.remove(ams);
                    emit.accept(new Step(8, "remove temporary SAS locator on " + sas.context(), Step.Status.CLEANUP,
                            sas.locator().id()));
                } catch (RuntimeException e) {
                    leftovers.add(sas.removeCommand());
                    emit.accept(new Step(8, "remove temporary SAS locator on " + sas.context(), Step.Status.FAILED,
                            e.getMessage() + " - remove it with '" + sas.removeCommand() + "'"));
                }
            }
            temporary.clear();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean coversBlobs(List<AssetFile> files, List<BlobEntry> blobs) {
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(f.name()));
        return !files.isEmpty() && blobs.stream().filter(x -> !x.name().contains("/")).allMatch(x -> names.contains(x.name()));
    }

    public static String copySummary(CopyReport r) {
        return r.count(BlobCopyOutcome.Status.COPIED) + " copied, " + r.count(BlobCopyOutcome.Status.SKIPPED)
                + " skipped, " + r.bytesCopied() + " bytes in " + r.elapsed().toMillis() + " ms";
    }

    /** The procedure's step titles, numbered as the steps print. */
    record StepTitles(String from, String to) {
        String of(int n) {
            return ProcedureStep.failoverTitle(n, from, to);
        }
    }
}
