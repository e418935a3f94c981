package dev.amsh.ops.library;

import com.azure.storage.blob.models.BlobStorageException;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Outcomes;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.storage.BlobCopyOutcome;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.BlobStore;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        List<OriginLocator> live = from.live(source);
        Optional<MediaAsset> existing = to.replicaOf(source, live);
        if (ReplicationRules.optedOut(source.alternateId())) {
            return outcome(source, a, b, existing.orElse(null), AssetOutcome.Status.SKIPPED, null,
                    List.of("AlternateId says \"replicate\":\"No\""), List.of());
        }
        if (source.encrypted()) {
            return outcome(source, a, b, null, AssetOutcome.Status.FAILED, "asset " + source.name()
                    + " is storage-encrypted and cannot be replicated (the key differs per account)", List.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        if (live.isEmpty()) {
            notes.add("not published on " + a + ": no locator to clone (publish it on " + b + " to stream)");
        }
        List<BlobEntry> sourceBlobs;
        Map<String, BlobEntry> present = new HashMap<>();
        Reach read = Reach.of(from.context(), source, false);
        try {
            sourceBlobs = read.store().list(read.container());
        } catch (BlobStorageException e) {
            return unreadable(source, a, b, a, source.container(), e);
        }
        if (existing.isPresent()) {
            try {
                Reach there = Reach.of(to.context(), existing.get(), false);
                listOrEmpty(there.store(), there.container()).forEach(x -> present.put(x.name(), x));
            } catch (BlobStorageException e) {
                return unreadable(source, a, b, b, existing.get().container(), e);
            }
        }
        List<BlobEntry> toCopy = sourceBlobs.stream().filter(x -> !same(x, present.get(x.name()))).toList();
        List<OriginLocator> toClone = live.stream().filter(l -> to.locator(l.guid()).isEmpty()).toList();
        present.keySet().stream().filter(n -> sourceBlobs.stream().noneMatch(x -> x.name().equals(n)))
                .forEach(n -> notes.add("extra blob " + n + " on " + b + " left as is"));
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
            Reach write = Reach.of(to.context(), replica, true);
            copied = copyEngine.copyListed(read.store(), read.container(), sourceBlobs, write.store(), write.container(),
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

    private static boolean same(BlobEntry source, BlobEntry target) {
        if (target == null || source.length() != target.length()) {
            return false;
        }
        return source.contentMd5() == null || target.contentMd5() == null || Objects.equals(source.contentMd5(), target.contentMd5());
    }

    /** How an asset's container is reached: with storage keys the account's store; without (v3), its listContainerSas URL. */
    private record Reach(BlobStore store, String container) {
        static Reach of(AccountContext c, MediaAsset asset, boolean write) {
            if (c.hasStorageKeys()) {
                return new Reach(c.storage(), asset.container());
            }
            ContainerGrant g = c.datacenter().grant(asset, write, Duration.ofHours(23), null);
            return new Reach(c.containerStore(g), g.container());
        }
    }

    /** A container that does not exist lists as empty: its blobs show as missing, which is the truth. */
    private static List<BlobEntry> listOrEmpty(BlobStore store, String container) {
        return Library.list(store, container);
    }

    private static AssetOutcome unreadable(MediaAsset source, String a, String b, String side, String container,
                                           BlobStorageException e) {
        return outcome(source, a, b, null, AssetOutcome.Status.FAILED, "listing " + container + " on " + side
                + " failed: HTTP " + e.getStatusCode() + " " + e.getErrorCode(), List.of(), List.of());
    }

    private static AssetOutcome outcome(MediaAsset source, String a, String b, MediaAsset replica, AssetOutcome.Status status,
                                        String error, List<String> notes, List<BlobEntry> blobs) {
        return new AssetOutcome(source.name(), source.id(), a, b, replica == null ? null : replica.id(), status, List.of(),
                0, 0, 0, error, notes, List.of(), status == AssetOutcome.Status.IN_SYNC ? RecordedFile.of(blobs) : List.of());
    }
}
