package dev.amsh.storage;

import java.time.Duration;
import java.util.List;

/**
 * The result of copying one container: every blob's outcome, bytes copied and the time it took, and the source's
 * blobs as the copy was given them and the target's as the copy's check listed them (length, MD5: what a record of
 * the copy keeps; {@code held} is empty when that listing failed).
 */
public record CopyReport(String sourceContainer, String targetContainer, List<BlobCopyOutcome> blobs,
                         long bytesCopied, Duration elapsed, boolean cancelled, List<BlobEntry> sources,
                         List<BlobEntry> held) {

    public long count(BlobCopyOutcome.Status status) {
        return blobs.stream().filter(b -> b.status() == status).count();
    }

    /** The first failed blob and why, for a one-line report. */
    public String firstFailure() {
        return blobs.stream().filter(b -> b.status() == BlobCopyOutcome.Status.FAILED)
                .map(b -> b.name() + ": " + b.detail()).findFirst().orElse("none");
    }

    public boolean succeeded() {
        return !cancelled && count(BlobCopyOutcome.Status.FAILED) == 0;
    }
}
