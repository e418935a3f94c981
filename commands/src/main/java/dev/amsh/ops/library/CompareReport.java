package dev.amsh.ops.library;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs between two datacenters' published libraries. In sync only when every compared asset
 * is (skipped ones aside) and the target publishes nothing without a source.
 */
public record CompareReport(String from, String to, List<AssetComparison> assets, boolean deep, boolean quick,
                            long millis, long mediaServicesCalls) {
    public CompareReport {
        assets = List.copyOf(assets);
    }

    public boolean inSync() {
        return assets.stream().allMatch(a -> a.status() == AssetComparison.Status.IN_SYNC
                || a.status() == AssetComparison.Status.SKIPPED);
    }

    public Map<AssetComparison.Status, Long> counts() {
        Map<AssetComparison.Status, Long> m = new EnumMap<>(AssetComparison.Status.class);
        assets.forEach(a -> m.merge(a.status(), 1L, Long::sum));
        return m;
    }

    public List<AssetComparison> differing() {
        return assets.stream().filter(a -> a.status() != AssetComparison.Status.IN_SYNC
                && a.status() != AssetComparison.Status.SKIPPED).toList();
    }

    public String summary() {
        Map<AssetComparison.Status, Long> c = counts();
        StringBuilder sb = new StringBuilder(from + " vs " + to + ": " + assets.size() + " asset(s)");
        c.forEach((k, v) -> sb.append(", ").append(v).append(' ').append(k.name().toLowerCase().replace('_', ' ')));
        sb.append(inSync() ? " - in sync" : " - NOT in sync").append(" (").append(millis).append(" ms")
                .append(deep ? ", origins sampled" : "").append(quick ? ", Media Services only: containers not listed" : "")
                .append(')');
        return sb.toString();
    }
}
