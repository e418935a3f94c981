package dev.amsh.ops.library;

import com.azure.storage.blob.models.BlobStorageException;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
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
 * Two datacenters' libraries side by side: each read once ({@link LibrarySnapshot}), paired
 * ({@link AssetPairing}), and examined asset by asset with one container listing per side.
 */
public final class Library {
    /** One published source asset examined: its pairing, what differs, and the listings that showed it. */
    public record Examined(AssetPairing.Pair pair, List<Drift> drifts, List<BlobEntry> sourceBlobs,
                           List<BlobEntry> targetBlobs, boolean optedOut) {
        public Asset source() {
            return pair.source();
        }

        public boolean inSync() {
            return drifts.isEmpty();
        }
    }

    private final AccountContext from;
    private final AccountContext to;
    private final LibrarySnapshot source;
    private final LibrarySnapshot target;
    private final AssetPairing pairing;

    private Library(AccountContext from, AccountContext to, LibrarySnapshot source, LibrarySnapshot target) {
        this.from = from;
        this.to = to;
        this.source = source;
        this.target = target;
        this.pairing = new AssetPairing(source, target);
    }

    /** Reads both sides at once. */
    public static Library read(AccountContext from, AccountContext to, Instant now) {
        if (from.name().equals(to.name())) {
            throw new AmshException("source and target are both " + from.name(), "name two different contexts, e.g. a b");
        }
        var s = CompletableFuture.supplyAsync(() -> LibrarySnapshot.read(from.ams(), now));
        var t = CompletableFuture.supplyAsync(() -> LibrarySnapshot.read(to.ams(), now));
        RuntimeException sourceFailed = failure(s);
        RuntimeException targetFailed = failure(t);
        if (sourceFailed == null && targetFailed == null) {
            return new Library(from, to, s.join(), t.join());
        }
        if (!(sourceFailed instanceof AmshException) && sourceFailed != null || !(targetFailed instanceof AmshException) && targetFailed != null) {
            throw sourceFailed != null ? sourceFailed : targetFailed;
        }
        // each side on its own: the one that cannot sign in or answer is named, and what the other said is kept
        AmshException first = (AmshException) (sourceFailed != null ? sourceFailed : targetFailed);
        String message = side(from, sourceFailed, s) + "; " + side(to, targetFailed, t);
        AmshException e = first instanceof AmsTransportException te
                ? new AmsTransportException(message, first.hint(), first, te.mayHaveApplied())
                : new AmshException(message, first.hint(), first);
        throw e;
    }

    private static RuntimeException failure(CompletableFuture<LibrarySnapshot> f) {
        try {
            f.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String side(AccountContext c, RuntimeException failed, CompletableFuture<LibrarySnapshot> read) {
        if (failed == null) {
            return c.name() + " answers (" + read.join().assets().size() + " asset(s))";
        }
        String prefix = "context " + c.name() + ": ";
        String why = failed.getMessage() != null && failed.getMessage().startsWith(prefix)
                ? failed.getMessage().substring(prefix.length()) : String.valueOf(failed.getMessage());
        return "context " + c.name() + (failed instanceof AmsTransportException ? " does not answer: " : " cannot be read: ") + why;
    }

    public static Library of(AccountContext from, AccountContext to, LibrarySnapshot source, LibrarySnapshot target) {
        return new Library(from, to, source, target);
    }

    /** The same two snapshots seen the other way round. */
    public Library reversed() {
        return new Library(to, from, target, source);
    }

    public AccountContext from() {
        return from;
    }

    public AccountContext to() {
        return to;
    }

    public LibrarySnapshot source() {
        return source;
    }

    public LibrarySnapshot target() {
        return target;
    }

    public AssetPairing pairing() {
        return pairing;
    }

    /** Examines one source asset: pairing, locators and files from the snapshots, blobs from two listings. */
    public Examined examine(Asset asset) {
        return examine(asset, true);
    }

    /** As {@link #examine(Asset)}; without {@code listBlobs} only the snapshots are compared (no call at all). */
    public Examined examine(Asset asset, boolean listBlobs) {
        AssetPairing.Pair pair = pairing.pair(asset);
        if (ReplicationRules.optedOut(asset)) {
            return new Examined(pair, List.of(), null, null, true);
        }
        if (pair.conflict() != null) {
            return new Examined(pair, List.of(new Drift(Drift.Kind.CONFLICT, null, pair.conflict())), null, null, false);
        }
        if (pair.target().isEmpty()) {
            List<Drift> missing = new ArrayList<>();
            missing.add(new Drift(Drift.Kind.MISSING_ASSET, null, "no replica on " + to.name()));
            source.liveOrigins(asset.id()).forEach(l -> missing.add(new Drift(Drift.Kind.MISSING_LOCATOR, l.id(), null)));
            return new Examined(pair, missing, null, null, false);
        }
        Asset replica = pair.target().get();
        if (!listBlobs) {
            return new Examined(pair, AssetDiff.of(asset, replica, source, target, null, null), null, null, false);
        }
        List<BlobEntry> sourceBlobs;
        List<BlobEntry> targetBlobs;
        try {
            sourceBlobs = from.storage().list(asset.containerName());
        } catch (BlobStorageException e) {
            return unreadable(pair, from.name(), asset.containerName(), e);
        }
        try {
            targetBlobs = list(to.storage(), replica.containerName());
        } catch (BlobStorageException e) {
            return unreadable(pair, to.name(), replica.containerName(), e);
        }
        List<Drift> drifts = new ArrayList<>(AssetDiff.of(asset, replica, source, target, sourceBlobs, targetBlobs));
        return new Examined(pair, drifts, sourceBlobs, targetBlobs, false);
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

    private Examined unreadable(AssetPairing.Pair pair, String context, String container, BlobStorageException e) {
        return new Examined(pair, List.of(new Drift(Drift.Kind.UNREADABLE, container, "listing on " + context
                + " failed: HTTP " + e.getStatusCode() + " " + e.getErrorCode())), null, null, false);
    }
}
