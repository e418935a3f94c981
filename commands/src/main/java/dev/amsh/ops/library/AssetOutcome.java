package dev.amsh.ops.library;

import java.util.List;

/**
 * What {@code replicate} did with one asset, for the summary and {@code -o json}: direction, status, the locators
 * cloned, blobs and bytes copied, the time it took, the error or the plan (dry run) or what was left as is, and
 * the streaming URLs of the locators cloned on the target (the manifest where the asset has an .ism).
 */
public record AssetOutcome(String name, String sourceId, String from, String to, String targetId, Status status,
                           List<String> locators, int blobs, long bytes, long millis, String error, List<String> notes,
                           List<String> urls) {
    public enum Status { REPLICATED, IN_SYNC, PLANNED, SKIPPED, FAILED, NOT_RUN }

    public AssetOutcome {
        locators = List.copyOf(locators);
        notes = List.copyOf(notes);
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    static AssetOutcome of(Library.Examined e, String from, String to, Status status, String error, List<String> notes) {
        return new AssetOutcome(e.source().name(), e.source().id(), from, to,
                e.pair().target().map(a -> a.id()).orElse(null), status, List.of(), 0, 0, 0, error, notes, List.of());
    }

    public String line() {
        String head = status.name().toLowerCase().replace('_', ' ') + "  " + from + "->" + to + "  " + name;
        String tail = switch (status) {
            case REPLICATED -> (locators.isEmpty() ? "" : "  locators " + String.join(", ", locators))
                    + "  " + blobs + " blob(s), " + bytes + " bytes, " + millis + " ms";
            case FAILED, NOT_RUN -> "  " + error;
            default -> "";
        };
        return head + tail + (notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")");
    }
}
