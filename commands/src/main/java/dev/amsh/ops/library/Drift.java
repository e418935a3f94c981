package dev.amsh.ops.library;

/** One way a replica differs from its source: what kind, what it concerns (a locator Id, a file name), and how. */
public record Drift(Kind kind, String subject, String detail) {
    public enum Kind {
        MISSING_ASSET("missing"),
        CONFLICT("conflict"),
        MISSING_LOCATOR("locator missing"),
        EXTRA_LOCATOR("locator extra"),
        WINDOW_DIFFERS("locator window differs"),
        MISSING_FILE("file missing"),
        EXTRA_FILE("file extra"),
        FILE_DIFFERS("file size differs"),
        PRIMARY_DIFFERS("primary file differs"),
        MISSING_BLOB("blob missing"),
        EXTRA_BLOB("blob extra"),
        BLOB_DIFFERS("blob differs"),
        CONTENT_DIFFERS("origin bytes differ"),
        NO_SOURCE("no source"),
        ONLY_ON_TARGET("only on target"),
        UNREADABLE("unreadable");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String line() {
        return kind.label() + (subject == null ? "" : " " + subject) + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
