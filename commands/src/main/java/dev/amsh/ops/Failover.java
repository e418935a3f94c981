package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
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
import java.util.function.Consumer;

/**
 * The whole documented failover of one published asset from one datacenter to another, step by step:
 * read SAS on the source, empty target asset, write SAS on the target, server-side blob copy,
 * CreateFileInfos, and an origin locator on the target with the source locator's Id. Temporary SAS
 * locators and their policies are removed whatever happens; every step is safe to re-run.
 * With storage keys at hand the two SAS steps, which the procedure needs only to learn container names,
 * are skipped (and reported so) unless {@code viaSas} asks for them.
 */
public final class Failover {
    public record Options(boolean dryRun, boolean viaSas, CopyOptions copy) {
        public static Options defaults() {
            return new Options(false, false, CopyOptions.defaults());
        }
    }

    public record Result(Asset source, Asset target, Locator sourceLocator, Locator targetLocator,
                         String originalUrl, String replicatedUrl, CopyReport copy, List<Step> steps,
                         boolean dryRun) {
    }

    static final Duration SAS_LIFETIME = Duration.ofHours(24);

    private final Clock clock;

    public Failover(Clock clock) {
        this.clock = clock;
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

        // 1. the source asset, its origin locator and its manifest
        Asset source = Assets.resolve(a, asset);
        CopyAsset.refuseEncrypted(source);
        Locator origin = a.listLocatorsOf(source.id()).stream().filter(l -> l.type() == Locator.ON_DEMAND_ORIGIN)
                .findFirst().orElseThrow(() -> new AmshException("asset " + source.name() + " has no origin locator on "
                        + from.name(), "publish it first: publish " + source.name() + " --on " + from.name()));
        List<AssetFile> sourceFiles = a.listFiles(source.id());
        String ism = StreamingUrls.manifest(sourceFiles).map(AssetFile::name).orElse(null);
        emit.accept(new Step(1, "source asset and origin locator on " + from.name(), Step.Status.DONE,
                source.name() + ", locator " + origin.id()));

        for (AccountContext c : List.of(from, to)) {
            if (!c.hasStorageKeys()) {
                throw new AmshException("failover copies blobs with the storage account keys of both contexts, and context "
                        + c.name() + " has none", "add them: context add " + c.name() + " … --storage-name NAME --storage-key KEY");
            }
        }
        boolean skipSas = !options.viaSas();
        Optional<Asset> existingTarget = b.listAssets(Query.filter("Name eq " + Query.literal(source.containerName()))
                .top(1)).stream().findFirst();
        Optional<Locator> existingLocator = b.findLocator(origin.id());
        if (existingLocator.isPresent() && (existingTarget.isEmpty()
                || !existingLocator.get().assetId().equals(existingTarget.get().id()))) {
            throw new AmshException("locator " + origin.id() + " already exists on " + to.name()
                    + " for another asset (" + existingLocator.get().assetId() + ")",
                    "delete it there first, or fail over into that asset with 'copy … --into'");
        }

        if (options.dryRun()) {
            return plan(from, to, source, origin, ism, skipSas, existingTarget, existingLocator, emit, steps);
        }

        List<SasLocator> temporary = new ArrayList<>();
        String[] titles = {"", "", "read SAS locator on " + from.name(), "empty target asset on " + to.name(),
                "write SAS locator on " + to.name(), "copy blobs", "CreateFileInfos on " + to.name(),
                "origin locator on " + to.name() + " with the same Id"};
        try {
            String sourceContainer = source.containerName();
            if (skipSas) {
                emit.accept(new Step(2, "read SAS locator on " + from.name(), Step.Status.SKIPPED,
                        "storage keys at hand: container " + sourceContainer + " known from Asset.Uri"));
            } else {
                SasLocator read = SasLocator.create(from.name(), a, source, false, SAS_LIFETIME, clock);
                temporary.add(read);
                sourceContainer = read.containerName();
                emit.accept(new Step(2, "read SAS locator on " + from.name(), Step.Status.DONE,
                        "container " + sourceContainer));
            }

            Asset target = existingTarget.orElse(null);
            if (target == null) {
                target = b.createAsset(sourceContainer, Asset.OPTION_NONE, null);
                emit.accept(new Step(3, "empty target asset on " + to.name(), Step.Status.DONE,
                        target.name() + " (" + target.id() + ")"));
            } else {
                emit.accept(new Step(3, "empty target asset on " + to.name(), Step.Status.SKIPPED,
                        "reusing " + target.name() + " (" + target.id() + ") from an earlier run"));
            }

            String targetContainer = target.containerName();
            if (skipSas) {
                emit.accept(new Step(4, "write SAS locator on " + to.name(), Step.Status.SKIPPED,
                        "storage keys at hand: container " + targetContainer + " known from Asset.Uri"));
            } else {
                SasLocator write = SasLocator.create(to.name(), b, target, true, SAS_LIFETIME, clock);
                temporary.add(write);
                targetContainer = write.containerName();
                emit.accept(new Step(4, "write SAS locator on " + to.name(), Step.Status.DONE,
                        "container " + targetContainer));
            }

            CopyReport report = new CopyEngine(clock).copy(from.storage(), sourceContainer, to.storage(),
                    targetContainer, options.copy(), onProgress, cancellation);
            if (report.cancelled()) {
                emit.accept(new Step(5, "copy blobs", Step.Status.FAILED, "cancelled; re-run to pick up"));
                throw new AmshException("failover cancelled during the copy", "re-run it; copied blobs are kept");
            }
            if (!report.succeeded()) {
                emit.accept(new Step(5, "copy blobs", Step.Status.FAILED, report.count(
                        dev.amsh.storage.BlobCopyOutcome.Status.FAILED) + " blob(s) failed"));
                throw new AmshException("the copy failed for some blobs", "see 'copy' output, then re-run failover");
            }
            emit.accept(new Step(5, "copy blobs", Step.Status.DONE, copySummary(report)));

            // a target made in this run has no files yet: no need to ask
            List<AssetFile> targetFiles = existingTarget.isPresent() ? b.listFiles(target.id()) : List.of();
            if (coversBlobs(targetFiles, to.storage().list(targetContainer))) {
                RegisterFiles.markPrimaryManifest(b, targetFiles);
                emit.accept(new Step(6, "CreateFileInfos on " + to.name(), Step.Status.SKIPPED,
                        targetFiles.size() + " files already registered"));
            } else {
                b.createFileInfos(target.id());
                targetFiles = b.listFiles(target.id());
                RegisterFiles.markPrimaryManifest(b, targetFiles);
                emit.accept(new Step(6, "CreateFileInfos on " + to.name(), Step.Status.DONE,
                        targetFiles.size() + " files registered"));
            }

            Locator replica;
            if (existingLocator.isPresent()) {
                replica = existingLocator.get();
                emit.accept(new Step(7, "origin locator on " + to.name() + " with the same Id", Step.Status.SKIPPED,
                        "already there from an earlier run"));
            } else {
                replica = new Publish(clock).createClone(origin, b, target);
                emit.accept(new Step(7, "origin locator on " + to.name() + " with the same Id", Step.Status.DONE,
                        replica.id()));
            }
            String originalUrl = ism == null ? origin.path() : StreamingUrls.manifestUrl(origin, ism);
            String replicatedUrl = ism == null ? replica.path() : StreamingUrls.manifestUrl(replica, ism);
            return new Result(source, target, origin, replica, originalUrl, replicatedUrl, report, List.copyOf(steps),
                    false);
        } catch (RuntimeException e) {
            // the step that was running when it failed gets its FAIL line, so the list does not just stop
            Step last = steps.get(steps.size() - 1);
            if (last.status() != Step.Status.FAILED && last.number() + 1 < titles.length) {
                emit.accept(new Step(last.number() + 1, titles[last.number() + 1], Step.Status.FAILED,
                        String.valueOf(e.getMessage())));
            }
            throw e;
        } finally {
            cleanup(temporary, from, to, emit);
        }
    }

    private Result plan(AccountContext from, AccountContext to, Asset source, Locator origin, String ism,
                        boolean skipSas, Optional<Asset> existingTarget, Optional<Locator> existingLocator,
                        Consumer<Step> emit, List<Step> steps) {
        emit.accept(new Step(2, "read SAS locator on " + from.name(), skipSas ? Step.Status.SKIPPED : Step.Status.PLANNED,
                skipSas ? "storage keys at hand: container " + source.containerName() + " known from Asset.Uri"
                        : "policy Read 24h + SAS locator, removed at the end"));
        emit.accept(new Step(3, "empty target asset on " + to.name(), existingTarget.isPresent() ? Step.Status.SKIPPED
                : Step.Status.PLANNED, existingTarget.map(t -> "reuse " + t.id()).orElse("create '" + source.containerName() + "'")));
        emit.accept(new Step(4, "write SAS locator on " + to.name(), skipSas ? Step.Status.SKIPPED : Step.Status.PLANNED,
                skipSas ? "storage keys at hand: container known from Asset.Uri"
                        : "policy Write 24h + SAS locator, removed at the end"));
        List<BlobEntry> blobs = from.storage().list(source.containerName());
        // what an earlier run already did is not planned again: the plan says what the run would do
        java.util.Map<String, BlobEntry> there = new java.util.HashMap<>();
        existingTarget.ifPresent(t -> to.storage().list(t.containerName()).forEach(e -> there.put(e.name(), e)));
        List<BlobEntry> toCopy = blobs.stream().filter(e -> e.length() > 0 && e.isBlockBlob())
                .filter(e -> there.get(e.name()) == null || !there.get(e.name()).isCopyOf(e)).toList();
        long bytes = toCopy.stream().mapToLong(BlobEntry::length).sum();
        emit.accept(new Step(5, "copy blobs", toCopy.isEmpty() ? Step.Status.SKIPPED : Step.Status.PLANNED,
                toCopy.size() + " of " + blobs.size() + " blobs to copy, " + bytes + " bytes, server-side"));
        boolean registered = existingTarget.isPresent() && toCopy.isEmpty()
                && coversBlobs(to.ams().listFiles(existingTarget.get().id()), new ArrayList<>(there.values()));
        emit.accept(new Step(6, "CreateFileInfos on " + to.name(), registered ? Step.Status.SKIPPED : Step.Status.PLANNED,
                registered ? "files already registered" : "then mark the .ism primary"));
        emit.accept(new Step(7, "origin locator on " + to.name() + " with the same Id",
                existingLocator.isPresent() ? Step.Status.SKIPPED : Step.Status.PLANNED, origin.id()));
        String originalUrl = ism == null ? origin.path() : StreamingUrls.manifestUrl(origin, ism);
        return new Result(source, existingTarget.orElse(null), origin, existingLocator.orElse(null), originalUrl,
                null, null, List.copyOf(steps), true);
    }

    private static void cleanup(List<SasLocator> temporary, AccountContext from, AccountContext to,
                                Consumer<Step> emit) {
        // an interrupted thread fails every HTTP call at once: clear the flag so the cleanup happens, then restore it
        boolean interrupted = Thread.interrupted();
        try {
            removeAll(temporary, from, to, emit);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeAll(List<SasLocator> temporary, AccountContext from, AccountContext to,
                                  Consumer<Step> emit) {
        for (SasLocator sas : temporary) {
            AmsClient ams = sas.context().equals(from.name()) ? from.ams() : to.ams();
            try {
                sas.remove(ams);
                emit.accept(new Step(8, "remove temporary SAS locator on " + sas.context(), Step.Status.CLEANUP,
                        sas.locator().id()));
            } catch (RuntimeException e) {
                emit.accept(new Step(8, "remove temporary SAS locator on " + sas.context(), Step.Status.FAILED,
                        e.getMessage() + " - remove it with 'locators rm " + sas.locator().id() + " --on "
                                + sas.context() + "'"));
            }
        }
    }

    private static boolean coversBlobs(List<AssetFile> files, List<BlobEntry> blobs) {
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(f.name()));
        return !files.isEmpty() && blobs.stream().filter(b -> b.length() > 0).allMatch(b -> names.contains(b.name()));
    }

    static String copySummary(CopyReport r) {
        return r.count(dev.amsh.storage.BlobCopyOutcome.Status.COPIED) + " copied, "
                + r.count(dev.amsh.storage.BlobCopyOutcome.Status.SKIPPED) + " skipped, " + r.bytesCopied()
                + " bytes in " + r.elapsed().toMillis() + " ms";
    }
}
