package dev.amsh.ops.library;

import java.util.List;

/**
 * What {@code replicate} did with one asset, for the summary and {@code -o json}: direction, status, the locators
 * cloned, blobs and bytes copied, the time it took, the error or the plan (dry run) or what was left as is, and
 * the streaming URLs of the locators cloned on the target (the manifest where the asset has an .ism), and the
 * source's blobs as the run listed them (the journal keeps them, so b can be checked when a no longer answers).
 */
public record AssetOutcome(String name, String sourceId, String from, String to, String targetId, Status status,
                           List<String> locators, int blobs, long bytes, long millis, String error, List<String> notes,
                           List<String> urls, List<RecordedFile> files) {
    public enum Status { REPLICATED, IN_SYNC, PLANNED, SKIPPED, FAILED, NOT_RUN }

    public AssetOutcome {
        locators = List.copyOf(locators);
        notes = List.copyOf(notes);
        urls = urls == null ? List.of() : List.copyOf(urls);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public AssetOutcome(String name, String sourceId, String from, String to, String targetId, Status status,
                        List<String> locators, int blobs, long bytes, long millis, String error, List<String> notes,
                        List<String> urls) {
        this(name, sourceId, from, to, targetId, status, locators, blobs, bytes, millis, error, notes, urls, List.of());
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
