package dev.amsh.ops.library;

import java.util.List;

/** One asset in a comparison: its name and Ids on both sides, whether it is in sync, and each difference. */
public record AssetComparison(String name, String sourceId, String targetId, Status status, List<Drift> drifts) {
    public enum Status { IN_SYNC, DIFFERS, MISSING, SKIPPED, ONLY_ON_TARGET, CONFLICT, ERROR }

    public AssetComparison {
        drifts = List.copyOf(drifts);
    }

    /** One line per asset: the status and the first differences. */
    public String line() {
        String what = drifts.stream().limit(3).map(Drift::line).reduce((x, y) -> x + "; " + y).orElse("");
        return status.name().toLowerCase().replace('_', ' ') + "  " + name + (what.isEmpty() ? "" : "  " + what)
                + (drifts.size() > 3 ? " (+" + (drifts.size() - 3) + " more)" : "");
    }
}
