package dev.amsh.ops.library;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.LocatorWindow;
import dev.amsh.ops.Outcomes;
import dev.amsh.ops.Policies;
import dev.amsh.ops.Publish;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.ops.StreamingUrls;
import dev.amsh.storage.BlobCopyOutcome;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Carries out one asset's {@link AssetPlan} on the target. Every listing was done before (the snapshots, the
 * container listings), so what remains are the writes: for a new replica of a published asset with one origin
 * locator, five Media Services calls (create the asset, CreateFileInfos, list its files, mark the primary file,
 * create the locator with the source's Id, start and an access policy of exactly its window). Every write is
 * safe when its answer is lost: the target asset carries amsh's mark and is looked up before a second create,
 * the locator has its own Id, and CreateFileInfos and MERGE are safe to repeat.
 */
final class AssetReplicator {
    private final Library library;
    private final Clock clock;
    private final CopyEngine copyEngine;
    private final ReplicateOptions options;
    private final Map<Long, AccessPolicy> policies = new ConcurrentHashMap<>();

    AssetReplicator(Library library, Clock clock, ReplicateOptions options) {
        this.library = library;
        this.clock = clock;
        this.copyEngine = new CopyEngine(clock);
        this.options = options;
    }

    Library library() {
        return library;
    }

    AssetOutcome run(Library.Examined e, Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        String from = library.from().name();
        String to = library.to().name();
        if (e.optedOut()) {
            return AssetOutcome.of(e, from, to, AssetOutcome.Status.SKIPPED, null, List.of("AlternateId says \"replicate\":\"No\""));
        }
        if (e.pair().conflict() != null) {
            return AssetOutcome.of(e, from, to, AssetOutcome.Status.FAILED, e.pair().conflict(), List.of());
        }
        if (e.drifts().stream().anyMatch(d -> d.kind() == Drift.Kind.UNREADABLE)) {
            return AssetOutcome.of(e, from, to, AssetOutcome.Status.FAILED, e.drifts().get(0).line(), List.of());
        }
        AssetPlan plan = AssetPlan.of(e);
        if (!library.source().isPublished(e.source())) {
            // a named asset that is not published: its blobs and files are replicated, and nothing streams from it
            plan = plan.withNote("not published on " + from + ": no locator to clone (publish it on " + to + " to stream)");
        }
        if (plan.changesNothing()) {
            return AssetOutcome.of(e, from, to, AssetOutcome.Status.IN_SYNC, null, plan.leftAsIs());
        }
        if (options.dryRun()) {
            return AssetOutcome.of(e, from, to, AssetOutcome.Status.PLANNED, null, describe(plan, e));
        }
        long t0 = System.nanoTime();
        AmsClient b = library.to().ams();
        Asset source = e.source();
        List<String> notes = new ArrayList<>(plan.leftAsIs());

        Asset target = e.pair().target().orElse(null);
        if (plan.createTarget()) {
            target = Outcomes.createOrFind(
                    () -> b.createAsset(source.containerName(), Asset.OPTION_NONE, null, ReplicaTargets.marker(source)),
                    () -> b.listAssets(Query.filter("AlternateId eq " + Query.literal(ReplicaTargets.marker(source))))
                            .stream().findFirst());
        } else if (library.target().files(target.id()).isEmpty() && library.target().locators(target.id()).isEmpty()) {
            notes.add("adopted the empty replica " + target.id() + " an interrupted run made");
        }

        CopyReport copied = null;
        List<BlobEntry> sourceBlobs = e.sourceBlobs();
        if (plan.copyBlobs()) {
            List<BlobEntry> blobs = e.sourceBlobs() != null ? e.sourceBlobs() : library.from().storage().list(source.containerName());
            sourceBlobs = blobs;
            Map<String, BlobEntry> present = new HashMap<>();
            if (e.targetBlobs() != null) {
                e.targetBlobs().forEach(x -> present.put(x.name(), x));
            }
            copied = copyEngine.copyListed(library.from().storage(), source.containerName(), blobs,
                    library.to().storage(), target.containerName(), present, options.copy(), progress, cancellation);
            if (copied.cancelled()) {
                throw new AmshException("cancelled during the copy of " + source.name(), "re-run; copied blobs are kept");
            }
            if (!copied.succeeded()) {
                throw new AmshException(copied.count(BlobCopyOutcome.Status.FAILED) + " blob(s) failed: "
                        + copied.firstFailure(), "re-run; copied blobs are kept");
            }
        }

        if (plan.register()) {
            b.createFileInfos(target.id());
            markPrimary(b, b.listFiles(target.id()), e);
        } else if (plan.markPrimary()) {
            markPrimary(b, library.target().files(target.id()), e);
        }

        List<String> cloned = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String ism = StreamingUrls.manifest(library.source().files(source.id())).map(AssetFile::name).orElse(null);
        for (String id : plan.toClone()) {
            Locator made = clone(library.source().locator(id).orElseThrow(), b, target);
            cloned.add(id);
            if (made.path() != null) {
                urls.add(ism == null ? made.path() : StreamingUrls.manifestUrl(made, ism));
            }
        }
        Publish publish = new Publish(clock);
        for (String id : plan.toAlign()) {
            Locator original = library.source().locator(id).orElseThrow();
            Locator replica = library.target().locator(id).orElseThrow();
            if (!LocatorWindow.sameSecond(original.startTime(), replica.startTime())) {
                notes.add("locator " + id + " starts at another time on " + to
                        + ": a start cannot be changed in place; remove it there and re-run");
                continue;
            }
            publish.alignExpiry(original, replica, b);
        }
        for (Asset dup : plan.removeDuplicates()) {
            b.deleteAsset(dup.id());
            notes.add("removed empty duplicate " + dup.id());
        }
        int blobs = copied == null ? 0 : (int) copied.count(BlobCopyOutcome.Status.COPIED);
        long bytes = copied == null ? 0 : copied.bytesCopied();
        return new AssetOutcome(source.name(), source.id(), from, to, target.id(), AssetOutcome.Status.REPLICATED,
                cloned, blobs, bytes, (System.nanoTime() - t0) / 1_000_000, null, notes, urls, RecordedFile.of(sourceBlobs));
    }

    /**
     * The clone in one call where the original has a start and an expiry: an access policy of exactly its window
     * (one per distinct window, shared by every locator of the run) and the original's start.
     */
    private Locator clone(Locator original, AmsClient b, Asset target) {
        Instant start = original.startTime();
        Instant expiry = original.expirationDateTime();
        if (start == null || expiry == null || !expiry.isAfter(start)) {
            return new Publish(clock).createClone(original, b, target);
        }
        long seconds = Duration.between(start.truncatedTo(ChronoUnit.SECONDS), expiry.truncatedTo(ChronoUnit.SECONDS)).toSeconds();
        AccessPolicy policy = policies.computeIfAbsent(seconds, s -> Policies.exactReadPolicy(b, s));
        Locator made = b.createLocator(new LocatorRequest(original.id(), target.id(), policy.id(), Locator.ON_DEMAND_ORIGIN,
                start, original.name()));
        return new Publish(clock).alignExpiry(original, made, b);
    }

    /** The target's files marked primary as the source's are (or the single .ism, as the procedure does). */
    private void markPrimary(AmsClient b, List<AssetFile> targetFiles, Library.Examined e) {
        List<AssetFile> sourceFiles = library.source().files(e.source().id());
        Set<String> primary = sourceFiles.stream().filter(AssetFile::isPrimary).map(AssetFile::name).collect(Collectors.toSet());
        if (primary.isEmpty()) {
            List<AssetFile> ism = targetFiles.stream().filter(f -> f.name().toLowerCase().endsWith(".ism")).toList();
            if (ism.size() == 1) {
                primary = Set.of(ism.get(0).name());
            }
        }
        for (AssetFile f : targetFiles) {
            if (primary.contains(f.name()) && !f.isPrimary()) {
                b.updateFile(f.id(), Map.of("IsPrimary", true));
            }
        }
    }

    private static List<String> describe(AssetPlan p, Library.Examined e) {
        List<String> out = new ArrayList<>();
        if (p.createTarget()) {
            out.add("create " + e.source().containerName() + " marked as its replica");
        }
        if (p.copyBlobs()) {
            long n = e.sourceBlobs() == null ? -1 : e.drifts().stream().filter(AssetDiff::needsCopy).count();
            out.add(n < 0 ? "copy every blob" : "copy " + n + " blob(s)");
        }
        if (p.register()) {
            out.add("CreateFileInfos");
        }
        if (p.markPrimary()) {
            out.add("mark the primary file");
        }
        if (!p.toClone().isEmpty()) {
            out.add("clone locator(s) " + String.join(", ", p.toClone()));
        }
        if (!p.toAlign().isEmpty()) {
            out.add("align expiry of " + String.join(", ", p.toAlign()));
        }
        p.removeDuplicates().forEach(d -> out.add("remove empty duplicate " + d.id()));
        out.addAll(p.leftAsIs().stream().map(x -> "leave " + x).toList());
        return out;
    }
}
