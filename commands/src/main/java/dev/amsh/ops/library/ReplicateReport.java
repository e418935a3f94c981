package dev.amsh.ops.library;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a replicate run did: one outcome per asset (both directions), the time, the Media Services calls made
 * (listings included), throttling answers met, why it stopped early if it did, and its journal.
 */
public record ReplicateReport(List<AssetOutcome> assets, boolean dryRun, long millis, long mediaServicesCalls,
                              long listingCalls, long throttled, String stoppedBecause, String journal) {
    public ReplicateReport {
        assets = List.copyOf(assets);
    }

    public Map<AssetOutcome.Status, Long> counts() {
        Map<AssetOutcome.Status, Long> m = new EnumMap<>(AssetOutcome.Status.class);
        assets.forEach(a -> m.merge(a.status(), 1L, Long::sum));
        return m;
    }

    public long count(AssetOutcome.Status s) {
        return counts().getOrDefault(s, 0L);
    }

    /** Every asset replicated, in sync or skipped, and the run not stopped. */
    public boolean succeeded() {
        return stoppedBecause == null && count(AssetOutcome.Status.FAILED) == 0 && count(AssetOutcome.Status.NOT_RUN) == 0;
    }

    /** Media Services calls per replicated asset, the listings aside (they are shared by the whole run). */
    public double callsPerReplicatedAsset() {
        long n = count(AssetOutcome.Status.REPLICATED);
        return n == 0 ? 0 : (double) (mediaServicesCalls - listingCalls) / n;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder(dryRun ? "dry run, nothing changed: " : "");
        sb.append(assets.size()).append(" asset(s)");
        counts().forEach((k, v) -> sb.append(", ").append(v).append(' ').append(k.name().toLowerCase().replace('_', ' ')));
        long blobs = assets.stream().mapToLong(AssetOutcome::blobs).sum();
        long bytes = assets.stream().mapToLong(AssetOutcome::bytes).sum();
        sb.append("; ").append(blobs).append(" blob(s), ").append(bytes).append(" bytes in ").append(millis).append(" ms");
        sb.append("; ").append(mediaServicesCalls).append(" Media Services calls (").append(listingCalls).append(" reading");
        if (count(AssetOutcome.Status.REPLICATED) > 0) {
            sb.append(String.format(", %.1f per replicated asset", callsPerReplicatedAsset()));
        }
        sb.append(')');
        if (throttled > 0) {
            sb.append("; throttled ").append(throttled).append(" time(s), slowed down");
        }
        if (stoppedBecause != null) {
            sb.append("\nSTOPPED: ").append(stoppedBecause);
        }
        return sb.toString();
    }
}
