package dev.amsh.ops.library;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One asset's replicate on the seam, from the two snapshots and one listing of the source container. A new
 * replica is named after the source container, marked with {@code amshReplicaOf} and made in a container of that
 * name, so the create's answer says where the blobs go; its container is new and empty and is not listed. Then
 * the blob copies, the files where the target registers them (v2), and each live locator with its GUID. On v3 that
 * is two ARM calls (asset PUT, locator PUT); a create whose answer was lost is looked up by its alternateId, and a
 * lost locator PUT by its name, never re-sent into a 409.
 */
final class DatacenterAssetReplicator {
    private final Clock clock;
    private final ReplicateOptions options;
    private final CopyEngine copyEngine;
    /** The target's streaming base, but for the GUID: asked once per run and direction, not per asset. */
    private final AtomicReference<String> streamingPrefix = new AtomicReference<>();

    DatacenterAssetReplicator(Clock clock, ReplicateOptions options) {
        this.clock = clock;
        this.options = options;
        this.copyEngine = new CopyEngine(clock);
    }

    AssetOutcome run(DatacenterSnapshot from, DatacenterSnapshot to, MediaAsset source, Consumer<CopyProgress> progress,
                     CopyCancellation cancellation) {
        String a = from.name();
        String b = to.name();
        DatacenterExamination e = DatacenterExamination.of(from, to, source, true);
        Optional<MediaAsset> existing = e.replica();
        if (e.optedOut()) {
            return outcome(source, a, b, existing.orElse(null), AssetOutcome.Status.SKIPPED, null,
                    List.of("AlternateId says \"replicate\":\"No\""), List.of());
        }
        if (source.encrypted()) {
            return outcome(source, a, b, null, AssetOutcome.Status.FAILED, "asset " + source.name()
                    + " is storage-encrypted and cannot be replicated (the key differs per account)", List.of(), List.of());
        }
        if (e.unreadable()) {
            return outcome(source, a, b, existing.orElse(null), AssetOutcome.Status.FAILED, e.drifts().get(0).line(),
                    List.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        if (e.live().isEmpty()) {
            notes.add("not published on " + a + ": no locator to clone (publish it on " + b + " to stream)");
        }
        List<BlobEntry> sourceBlobs = e.sourceBlobs();
        Map<String, BlobEntry> present = e.targetBlobs();
        Set<String> copy = Set.copyOf(e.subjects(Drift.Kind.MISSING_BLOB, Drift.Kind.BLOB_DIFFERS));
        List<BlobEntry> toCopy = existing.isEmpty() ? sourceBlobs : sourceBlobs.stream().filter(x -> copy.contains(x.name())).toList();
        Set<String> clone = Set.copyOf(e.subjects(Drift.Kind.MISSING_LOCATOR));
        List<OriginLocator> toClone = e.live().stream().filter(l -> clone.contains(l.guid().toString())).toList();
        e.drifts().stream().filter(d -> d.kind() == Drift.Kind.EXTRA_BLOB || d.kind() == Drift.Kind.EXTRA_LOCATOR
                || d.kind() == Drift.Kind.WINDOW_DIFFERS).forEach(d -> notes.add(d.line() + " on " + b + ": left as is"));
        if (existing.isPresent() && toCopy.isEmpty() && toClone.isEmpty()) {
            return outcome(source, a, b, existing.get(), AssetOutcome.Status.IN_SYNC, null, notes, sourceBlobs);
        }
        if (options.dryRun()) {
            List<String> plan = new ArrayList<>();
            if (existing.isEmpty()) {
                plan.add("create " + source.container() + " marked as its replica");
            }
            if (!toCopy.isEmpty()) {
                plan.add("copy " + toCopy.size() + " blob(s)");
            }
            if (!toClone.isEmpty()) {
                plan.add("clone locator(s) " + String.join(", ", toClone.stream().map(l -> l.guid().toString()).toList()));
            }
            notes.forEach(n -> plan.add("leave " + n));
            return outcome(source, a, b, existing.orElse(null), AssetOutcome.Status.PLANNED, null, plan, List.of());
        }
        long t0 = System.nanoTime();
        Datacenter target = to.datacenter();
        MediaAsset replica = existing.orElse(null);
        if (replica == null) {
            String mark = ReplicaTargets.marker(source.id());
            replica = Outcomes.createOrFind(() -> target.createAsset(source.container(), mark, source.container()),
                    () -> target.withAlternateId(mark).stream().findFirst());
        }
        CopyReport copied = null;
        if (!toCopy.isEmpty()) {
            DatacenterExamination.Reach read = DatacenterExamination.Reach.of(from.context(), source, false);
            DatacenterExamination.Reach write = DatacenterExamination.Reach.of(to.context(), replica, true);
            copied = copyEngine.copyListed(read.store(), read.container(), toCopy, write.store(), write.container(),
                    present, options.copy(), progress, cancellation);
            if (copied.cancelled()) {
                throw new AmshException("cancelled during the copy of " + source.name(), "re-run; copied blobs are kept");
            }
            if (!copied.succeeded()) {
                throw new AmshException(copied.count(BlobCopyOutcome.Status.FAILED) + " blob(s) failed: "
                        + copied.firstFailure(), "re-run; copied blobs are kept");
            }
            if (target.can().registersFiles()) {
                target.registerFiles(replica);
            }
        }
        List<String> cloned = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String ism = sourceBlobs.stream().map(BlobEntry::name).filter(n -> n.toLowerCase().endsWith(".ism")).findFirst().orElse(null);
        for (OriginLocator l : toClone) {
            OriginLocator made = target.createClone(l, replica);
            cloned.add(l.guid().toString());
            String prefix = streamingPrefix.updateAndGet(p -> p != null ? p
                    : target.streamingBase(made).replace(made.guid().toString() + "/", ""));
            urls.add(prefix + made.guid() + "/" + (ism == null ? "" : ism + "/manifest"));
        }
        int blobs = copied == null ? 0 : (int) copied.count(BlobCopyOutcome.Status.COPIED);
        long bytes = copied == null ? 0 : copied.bytesCopied();
        return new AssetOutcome(source.name(), source.id(), a, b, replica.id(), AssetOutcome.Status.REPLICATED, cloned,
                blobs, bytes, (System.nanoTime() - t0) / 1_000_000, null, notes, urls, RecordedFile.of(sourceBlobs));
    }

    private static AssetOutcome outcome(MediaAsset source, String a, String b, MediaAsset replica, AssetOutcome.Status status,
                                        String error, List<String> notes, List<BlobEntry> blobs) {
        return new AssetOutcome(source.name(), source.id(), a, b, replica == null ? null : replica.id(), status, List.of(),
                0, 0, 0, error, notes, List.of(), status == AssetOutcome.Status.IN_SYNC ? RecordedFile.of(blobs) : List.of());
    }
}
