package dev.amsh.storage;

/** What happened to one blob: copied (how), skipped (why), or failed (why). */
public record BlobCopyOutcome(String name, long length, Status status, String detail) {
    public enum Status { COPIED, SKIPPED, FAILED, CANCELLED }
}
