package dev.amsh.ops.library;

import dev.amsh.datacenter.MediaAsset;
import dev.amsh.storage.BlobEntry;

import java.util.List;
import java.util.Optional;

/**
 * One published source asset examined against its replica, on any pair of kinds: its pairing, what differs, and the
 * container listings that showed it (null where not listed: no replica yet, or {@code compare --quick}). What
 * {@code replicate} acts on and {@code compare} reports.
 */
public record DatacenterExamination(AssetPairing.Pair pair, List<Drift> drifts, List<BlobEntry> sourceBlobs,
                                    List<BlobEntry> targetBlobs, boolean optedOut) {
    public DatacenterExamination {
        drifts = List.copyOf(drifts);
    }

    public MediaAsset source() {
        return pair.source();
    }

    public Optional<MediaAsset> replica() {
        return pair.target();
    }

    public boolean inSync() {
        return drifts.isEmpty();
    }

    boolean unreadable() {
        return drifts.stream().anyMatch(d -> d.kind() == Drift.Kind.UNREADABLE);
    }

    boolean has(Drift.Kind kind) {
        return drifts.stream().anyMatch(d -> d.kind() == kind);
    }

    /** The comparison line of this asset, as {@code compare} prints it on every kind. */
    AssetComparison comparison() {
        AssetComparison.Status status = optedOut ? AssetComparison.Status.SKIPPED
                : pair.conflict() != null ? AssetComparison.Status.CONFLICT
                : unreadable() ? AssetComparison.Status.ERROR
                : pair.target().isEmpty() ? AssetComparison.Status.MISSING
                : drifts.isEmpty() ? AssetComparison.Status.IN_SYNC : AssetComparison.Status.DIFFERS;
        return new AssetComparison(source().name(), source().id(), pair.target().map(MediaAsset::id).orElse(null), status, drifts);
    }
}
