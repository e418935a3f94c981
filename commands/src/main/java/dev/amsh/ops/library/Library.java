package dev.amsh.ops.library;

import com.azure.storage.blob.models.BlobStorageException;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.AmshException;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.BlobStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two datacenters' libraries side by side, of any kinds: each read once ({@link DatacenterSnapshot}), paired
 * ({@link AssetPairing}), and examined asset by asset with at most one container listing per side.
 */
public record Library(DatacenterSnapshot source, DatacenterSnapshot target, AssetPairing pairing) {

    public static Library of(DatacenterSnapshot source, DatacenterSnapshot target) {
        return new Library(source, target, new AssetPairing(source, target));
    }

    /** Reads both sides at once; a side that cannot be read is named, with what the other said. */
    public static Library read(AccountContext from, AccountContext to, Instant now) {
        if (from.name().equals(to.name())) {
            throw new AmshException("source and target are both " + from.name(), "name two different contexts, e.g. a b");
        }
        var s = CompletableFuture.supplyAsync(() -> DatacenterSnapshot.read(from, now));
        var t = CompletableFuture.supplyAsync(() -> DatacenterSnapshot.read(to, now));
        RuntimeException sourceFailed = failure(s);
        RuntimeException targetFailed = failure(t);
        if (sourceFailed == null && targetFailed == null) {
            return of(s.join(), t.join());
        }
        if (!(sourceFailed instanceof AmshException) && sourceFailed != null || !(targetFailed instanceof AmshException) && targetFailed != null) {
            throw sourceFailed != null ? sourceFailed : targetFailed;
        }
        AmshException first = (AmshException) (sourceFailed != null ? sourceFailed : targetFailed);
        String message = side(from, sourceFailed, s) + "; " + side(to, targetFailed, t);
        throw first instanceof AmsTransportException te
                ? new AmsTransportException(message, first.hint(), first, te.mayHaveApplied())
                : new AmshException(message, first.hint(), first);
    }

    private static RuntimeException failure(CompletableFuture<DatacenterSnapshot> f) {
        try {
            f.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String side(AccountContext c, RuntimeException failed, CompletableFuture<DatacenterSnapshot> read) {
        if (failed == null) {
            return c.name() + " answers (" + read.join().assets().size() + " asset(s))";
        }
        String prefix = "context " + c.name() + ": ";
        String why = failed.getMessage() != null && failed.getMessage().startsWith(prefix)
                ? failed.getMessage().substring(prefix.length()) : String.valueOf(failed.getMessage());
        return "context " + c.name() + (failed instanceof AmsTransportException ? " does not answer: " : " cannot be read: ") + why;
    }

    /** The same two snapshots seen the other way round. */
    public Library reversed() {
        return of(target, source);
    }

    public AccountContext from() {
        return source.context();
    }

    public AccountContext to() {
        return target.context();
    }

    /**
     * One source asset: pairing, locators and files from the snapshots, blobs from one listing per side. Without
     * {@code listBlobs} only the snapshots are compared (no call at all); a replica not made yet is not listed.
     */
    public DatacenterExamination examine(MediaAsset asset, boolean listBlobs) {
        AssetPairing.Pair pair = pairing.pair(asset);
        if (ReplicationRules.optedOut(asset.alternateId())) {
            return new DatacenterExamination(pair, List.of(), null, null, true);
        }
        if (pair.conflict() != null) {
            return new DatacenterExamination(pair, List.of(new Drift(Drift.Kind.CONFLICT, null, pair.conflict())), null, null, false);
        }
        if (pair.target().isEmpty()) {
            List<Drift> missing = new ArrayList<>();
            missing.add(new Drift(Drift.Kind.MISSING_ASSET, null, "no replica on " + target.name()));
            source.live(asset).forEach(l -> missing.add(new Drift(Drift.Kind.MISSING_LOCATOR, l.guid().toString(), null)));
            return new DatacenterExamination(pair, missing, null, null, false);
        }
        MediaAsset replica = pair.target().get();
        if (!listBlobs) {
            return new DatacenterExamination(pair, AssetDiff.of(asset, replica, source, target, null, null), null, null, false);
        }
        List<BlobEntry> sourceBlobs;
        List<BlobEntry> targetBlobs;
        try {
            ContainerReach read = ContainerReach.of(from(), asset, false);
            sourceBlobs = read.store().list(read.container());
        } catch (BlobStorageException e) {
            return unreadable(pair, source.name(), asset.container(), e);
        }
        try {
            ContainerReach there = ContainerReach.of(to(), replica, false);
            targetBlobs = list(there.store(), there.container());
        } catch (BlobStorageException e) {
            return unreadable(pair, target.name(), replica.container(), e);
        }
        return new DatacenterExamination(pair, AssetDiff.of(asset, replica, source, target, sourceBlobs, targetBlobs),
                sourceBlobs, targetBlobs, false);
    }

    /**
     * The source's blobs for a new replica: its registered files where the kind registers them (the Files listing
     * already read them, so no call), else one listing of its container.
     */
    List<BlobEntry> sourceBlobs(DatacenterExamination e) {
        if (e.sourceBlobs() != null) {
            return e.sourceBlobs();
        }
        List<MediaFile> files = source.files(e.source());
        if (!files.isEmpty()) {
            return files.stream().map(f -> new BlobEntry(f.name(), f.size(), null, "BlockBlob")).toList();
        }
        ContainerReach read = ContainerReach.of(from(), e.source(), false);
        return read.store().list(read.container());
    }

    /** A container that does not exist lists as empty: its blobs show as missing, which is the truth. */
    static List<BlobEntry> list(BlobStore store, String container) {
        try {
            return store.list(container);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private static DatacenterExamination unreadable(AssetPairing.Pair pair, String side, String container, BlobStorageException e) {
        return new DatacenterExamination(pair, List.of(new Drift(Drift.Kind.UNREADABLE, container, "listing on " + side
                + " failed: HTTP " + e.getStatusCode() + " " + e.getErrorCode())), null, null, false);
    }
}
