package dev.amsh.ops.library;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Outcomes;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.storage.BlobCopyOutcome;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Carries out one examined asset's {@link AssetPlan} on the target, on any pair of kinds. Every listing was done
 * before (the snapshots, the container listings), so what remains are the writes: a new replica named after the
 * source container, marked with {@code amshReplicaOf} and made in a container of that name; its blobs (listed from
 * the source's registered files where it has them, and not listed again in the new container); its files where the
 * target registers them (v2: CreateFileInfos, list, mark the primary); each live locator with its GUID. For a new
 * replica of a published asset with one locator: five calls on v2, two on v3 (asset PUT, locator PUT). A create whose
 * answer was lost is looked up by its mark, a lost locator create by its GUID, never re-sent into a conflict.
 */
final class DatacenterAssetReplicator {
    private final Library library;
    private final ReplicateOptions options;
    private final CopyEngine copyEngine;
    /** The target's streaming base, but for the GUID: asked once per run and direction, not per asset. */
    private final AtomicReference<String> streamingPrefix = new AtomicReference<>();

    DatacenterAssetReplicator(Library library, Clock clock, ReplicateOptions options) {
        this.library = library;
        this.options = options;
        this.copyEngine = new CopyEngine(clock);
    }

    Library library() {
        return library;
    }

    AssetOutcome run(DatacenterExamination e, Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        String from = library.source().name();
        String to = library.target().name();
        MediaAsset source = e.source();
        if (e.optedOut()) {
            return outcome(e, AssetOutcome.Status.SKIPPED, null, List.of("AlternateId says \"replicate\":\"No\""));
        }
        if (e.pair().conflict() != null) {
            return outcome(e, AssetOutcome.Status.FAILED, e.pair().conflict(), List.of());
        }
        if (source.encrypted()) {
            return outcome(e, AssetOutcome.Status.FAILED, "asset " + source.name()
                    + " is storage-encrypted and cannot be replicated (the key differs per account)", List.of());
        }
        if (e.unreadable()) {
            return outcome(e, AssetOutcome.Status.FAILED, e.drifts().get(0).line(), List.of());
        }
        Datacenter target = library.target().datacenter();
        AssetPlan plan = AssetPlan.of(e, library.target().can().registersFiles());
        if (!library.source().isPublished(source)) {
            // a named asset that is not published: its blobs and files are replicated, and nothing streams from it
            plan = plan.withNote("not published on " + from + ": no locator to clone (publish it on " + to + " to stream)");
        }
        if (plan.changesNothing()) {
            return outcome(e, AssetOutcome.Status.IN_SYNC, null, plan.leftAsIs());
        }
        if (options.dryRun()) {
            return outcome(e, AssetOutcome.Status.PLANNED, null, describe(plan, e));
        }
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>(plan.leftAsIs());
        MediaAsset replica = e.replica().orElse(null);
        if (plan.createTarget()) {
            String mark = ReplicaTargets.marker(source.id());
            replica = Outcomes.createOrFind(() -> target.createAsset(source.container(), mark, source.container()),
                    () -> target.withAlternateId(mark).stream().findFirst());
        } else if (library.target().can().registersFiles() && library.target().files(replica).isEmpty()
                && library.target().locators(replica).isEmpty()) {
            notes.add("adopted the empty replica " + replica.id() + " an interrupted run made");
        }

        List<BlobEntry> sourceBlobs = library.sourceBlobs(e);
        CopyReport copied = null;
        if (plan.copyBlobs()) {
            Map<String, BlobEntry> present = new HashMap<>();
            if (e.targetBlobs() != null) {
                e.targetBlobs().forEach(x -> present.put(x.name(), x));
            }
            Set<String> differing = e.drifts().stream().filter(AssetDiff::needsCopy).map(Drift::subject).collect(Collectors.toSet());
            List<BlobEntry> toCopy = plan.createTarget() || e.targetBlobs() == null ? sourceBlobs
                    : sourceBlobs.stream().filter(x -> differing.contains(x.name())).toList();
            ContainerReach read = ContainerReach.of(library.from(), source, false);
            ContainerReach write = ContainerReach.of(library.to(), replica, true);
            // a container made by this run's create holds nothing: it is not listed again after the copy
            copied = copyEngine.copyListed(read.store(), read.container(), toCopy, write.store(), write.container(),
                    present, options.copy(), progress, cancellation, !plan.createTarget());
            if (copied.cancelled()) {
                throw new AmshException("cancelled during the copy of " + source.name(), "re-run; copied blobs are kept");
            }
            if (!copied.succeeded()) {
                throw new AmshException(copied.count(BlobCopyOutcome.Status.FAILED) + " blob(s) failed: "
                        + copied.firstFailure(), "re-run; copied blobs are kept");
            }
        }

        Set<String> primary = library.source().files(source).stream().filter(MediaFile::primary).map(MediaFile::name)
                .collect(Collectors.toSet());
        boolean copiedFromUnregistered = copied != null && !library.source().can().registersFiles()
                && library.target().can().registersFiles();
        if (plan.register() || copiedFromUnregistered) {
            target.registerFiles(replica, primary);
        } else if (plan.markPrimary()) {
            target.markPrimary(library.target().files(replica), primary);
        }

        List<String> cloned = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String ism = sourceBlobs.stream().map(BlobEntry::name).filter(n -> n.toLowerCase().endsWith(".ism")).findFirst().orElse(null);
        for (String guid : plan.toClone()) {
            OriginLocator made = target.createClone(library.source().locator(UUID.fromString(guid)).orElseThrow(), replica);
            cloned.add(guid);
            urls.add(streamingPrefix(target, made) + made.guid() + "/" + (ism == null ? "" : ism + "/manifest"));
        }
        for (String guid : plan.toAlign()) {
            OriginLocator original = library.source().locator(UUID.fromString(guid)).orElseThrow();
            OriginLocator there = library.target().locator(UUID.fromString(guid)).orElseThrow();
            if (original.start() != null && there.start() != null && original.start().getEpochSecond() != there.start().getEpochSecond()) {
                notes.add("locator " + guid + " starts at another time on " + to
                        + ": a start cannot be changed in place; remove it there and re-run");
                continue;
            }
            OriginLocator aligned = target.alignEnd(original, there);
            if (!AssetDiff.sameWindow(original, aligned)) {
                notes.add("locator " + guid + " ends at another time on " + to
                        + ": its end cannot be changed in place there; remove it there and re-run");
            }
        }
        for (MediaAsset dup : plan.removeDuplicates()) {
            target.deleteAsset(dup);
            notes.add("removed empty duplicate " + dup.id());
        }
        int blobs = copied == null ? 0 : (int) copied.count(BlobCopyOutcome.Status.COPIED);
        long bytes = copied == null ? 0 : copied.bytesCopied();
        return new AssetOutcome(source.name(), source.id(), from, to, replica.id(), AssetOutcome.Status.REPLICATED,
                cloned, blobs, bytes, (System.nanoTime() - t0) / 1_000_000, null, notes, urls, RecordedFile.of(sourceBlobs));
    }

    /** The target's streaming base but for the GUID, asked of the first clone alone (the assets run in parallel). */
    private String streamingPrefix(Datacenter target, OriginLocator made) {
        synchronized (streamingPrefix) {
            if (streamingPrefix.get() == null) {
                streamingPrefix.set(target.streamingBase(made).replace(made.guid().toString() + "/", ""));
            }
            return streamingPrefix.get();
        }
    }

    private AssetOutcome outcome(DatacenterExamination e, AssetOutcome.Status status, String error, List<String> notes) {
        return new AssetOutcome(e.source().name(), e.source().id(), library.source().name(), library.target().name(),
                e.replica().map(MediaAsset::id).orElse(null), status, List.of(), 0, 0, 0, error, notes, List.of(),
                status == AssetOutcome.Status.IN_SYNC ? RecordedFile.of(e.sourceBlobs()) : List.of());
    }

    private static List<String> describe(AssetPlan p, DatacenterExamination e) {
        List<String> out = new ArrayList<>();
        if (p.createTarget()) {
            out.add("create " + e.source().container() + " marked as its replica");
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
            out.add("align the end of " + String.join(", ", p.toAlign()));
        }
        p.removeDuplicates().forEach(d -> out.add("remove empty duplicate " + d.id()));
        out.addAll(p.leftAsIs().stream().map(x -> "leave " + x).toList());
        return out;
    }
}
