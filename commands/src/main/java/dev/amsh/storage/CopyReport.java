package dev.amsh.storage;

import java.time.Duration;
import java.util.List;

/** The result of copying one container: every blob's outcome, bytes copied and the time it took. */
public record CopyReport(String sourceContainer, String targetContainer, List<BlobCopyOutcome> blobs,
                         long bytesCopied, Duration elapsed, boolean cancelled) {

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
