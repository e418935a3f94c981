package dev.amsh.storage;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobCopyFromUrlOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockFromUrlOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.amsh.concurrent.DaemonPools;
import dev.amsh.error.AmshException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Copies every blob of one container to another account, server-side only: no byte passes through amsh.
 * Blobs up to the single-call limit (32 MiB by default) use Copy Blob From URL; larger ones are staged in ranges with
 * Put Block From URL and committed only when every block is in, so a cancelled or failed copy leaves no
 * partial blob. Zero-length blobs are copied too (the documented procedure skipped them, but a replica must
 * answer for every path the source answers for); page blobs are refused, as the procedure does.
 * A blob already present with the same length (and MD5, where both have one) is skipped, so a re-run
 * picks up where the last one stopped.
 */
public final class CopyEngine {
    private final Clock clock;

    public CopyEngine(Clock clock) {
        this.clock = clock;
    }

    public CopyReport copy(BlobStore source, String sourceContainer, BlobStore target, String targetContainer,
                           CopyOptions options, Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        Instant start = clock.instant();
        BlobContainerClient from = source.container(sourceContainer);
        BlobContainerClient to = target.container(targetContainer);
        List<BlobEntry> blobs;
        // one listing of the target replaces a property call per blob: on many small files those calls dominate
        Map<String, BlobEntry> present = new HashMap<>();
        try {
            // a container SAS cannot read the container's own properties; its listing below says a missing one
            if (source.keyed() && !from.exists()) {
                throw new AmshException("source container " + sourceContainer + " does not exist in "
                        + source.account().name(), "check the asset; its container may have been deleted");
            }
            if (target.keyed()) {
                to.createIfNotExists(); // a SAS store's container is the asset's own, made with it
            }
            blobs = source.list(sourceContainer);
            target.list(targetContainer).forEach(e -> present.put(e.name(), e));
        } catch (BlobStorageException e) {
            throw new AmshException("storage refused the copy's preparation: HTTP " + e.getStatusCode() + " "
                    + e.getErrorCode() + " (" + source.account().name() + " -> " + target.account().name() + ")",
                    "retry; nothing partial was written", e);
        }
        return copyListed(source, sourceContainer, blobs, target, targetContainer, present, options, progress, cancellation,
                true, start);
    }

    /**
     * The copy of {@code blobs} (listed by the caller) into a target container that exists and holds
     * {@code present}: for callers that listed both sides already and want no more calls than the copy needs.
     */
    public CopyReport copyListed(BlobStore source, String sourceContainer, List<BlobEntry> blobs, BlobStore target,
                                 String targetContainer, Map<String, BlobEntry> present, CopyOptions options,
                                 Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        return copyListed(source, sourceContainer, blobs, target, targetContainer, present, options, progress,
                cancellation, true, clock.instant());
    }

    /**
     * As above; without {@code verify} the target is not listed after the copy, for a container the caller made
     * empty moments before: each copy's own answer (Copy Blob From URL is synchronous, a block list is committed
     * whole) is then the whole truth, and a listing would only repeat it.
     */
    public CopyReport copyListed(BlobStore source, String sourceContainer, List<BlobEntry> blobs, BlobStore target,
                                 String targetContainer, Map<String, BlobEntry> present, CopyOptions options,
                                 Consumer<CopyProgress> progress, CopyCancellation cancellation, boolean verify) {
        return copyListed(source, sourceContainer, blobs, target, targetContainer, present, options, progress,
                cancellation, verify, clock.instant());
    }

    private CopyReport copyListed(BlobStore source, String sourceContainer, List<BlobEntry> blobs, BlobStore target,
                                  String targetContainer, Map<String, BlobEntry> present, CopyOptions options,
                                  Consumer<CopyProgress> progress, CopyCancellation cancellation, boolean verify,
                                  Instant start) {
        BlobContainerClient from = source.container(sourceContainer);
        BlobContainerClient to = target.container(targetContainer);
        String sas = source.containerSas(sourceContainer, "r",
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).plus(options.sasLifetime()));
        long total = blobs.stream().mapToLong(BlobEntry::length).sum();
        AtomicLong bytesDone = new AtomicLong();
        AtomicInteger blobsDone = new AtomicInteger();
        List<BlobCopyOutcome> outcomes = new ArrayList<>();
        List<BlobEntry> held = List.of();
        ExecutorService pool = DaemonPools.fixed("amsh-copy", Math.min(options.concurrency(), Math.max(1, blobs.size())));
        try {
            List<Future<BlobCopyOutcome>> futures = new ArrayList<>();
            for (BlobEntry blob : blobs) {
                futures.add(pool.submit(() -> {
                    AtomicLong advanced = new AtomicLong();
                    // large blobs report each staged block, so progress moves during a long copy
                    java.util.function.LongConsumer advance = n -> {
                        advanced.addAndGet(n);
                        progress.accept(new CopyProgress(bytesDone.addAndGet(n), total, blobsDone.get(), blobs.size(), blob.name()));
                    };
                    BlobCopyOutcome outcome = copyOne(from, blob, sas, to, present.get(blob.name()), options, cancellation, advance);
                    bytesDone.addAndGet(blob.length() - advanced.get());
                    progress.accept(new CopyProgress(bytesDone.get(), total, blobsDone.incrementAndGet(),
                            blobs.size(), blob.name()));
                    return outcome;
                }));
            }
            boolean interrupted = false;
            for (int i = 0; i < futures.size(); i++) {
                while (true) {
                    try {
                        outcomes.add(futures.get(i).get());
                        break;
                    } catch (InterruptedException e) {
                        // stop starting blobs, but wait for those in flight so every outcome is known
                        cancellation.cancel();
                        interrupted = true;
                    } catch (java.util.concurrent.ExecutionException e) {
                        outcomes.add(new BlobCopyOutcome(blobs.get(i).name(), blobs.get(i).length(),
                                BlobCopyOutcome.Status.FAILED, String.valueOf(e.getCause().getMessage())));
                        break;
                    }
                }
            }
            try {
                held = verify ? verify(target, targetContainer, blobs, outcomes) : List.of();
            } catch (BlobStorageException e) {
                // unverified copies count as failed: a re-run checks them again and copies only what differs
                for (int i = 0; i < outcomes.size(); i++) {
                    BlobCopyOutcome o = outcomes.get(i);
                    if (o.status() == BlobCopyOutcome.Status.COPIED) {
                        outcomes.set(i, new BlobCopyOutcome(o.name(), o.length(), BlobCopyOutcome.Status.FAILED,
                                "copied but not verified (listing the target: HTTP " + e.getStatusCode() + ")"));
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            pool.shutdownNow();
        }
        long copied = outcomes.stream().filter(o -> o.status() == BlobCopyOutcome.Status.COPIED)
                .mapToLong(BlobCopyOutcome::length).sum();
        boolean cancelled = cancellation.isCancelled()
                || outcomes.stream().anyMatch(o -> o.status() == BlobCopyOutcome.Status.CANCELLED);
        return new CopyReport(sourceContainer, targetContainer, List.copyOf(outcomes), copied,
                Duration.between(start, clock.instant()), cancelled, List.copyOf(blobs), held);
    }

    private BlobCopyOutcome copyOne(BlobContainerClient from, BlobEntry blob, String sas, BlobContainerClient to,
                                    BlobEntry existing, CopyOptions options, CopyCancellation cancellation,
                                    java.util.function.LongConsumer advance) {
        if (cancellation.isCancelled()) {
            return outcome(blob, BlobCopyOutcome.Status.CANCELLED, "not started");
        }
        if (!blob.isBlockBlob()) {
            return outcome(blob, BlobCopyOutcome.Status.SKIPPED,
                    blob.blobType() + " not copied: Media Services stores asset files as block blobs");
        }
        BlobClient dst = to.getBlobClient(blob.name());
        String sourceUrl = from.getBlobClient(blob.name()).getBlobUrl() + "?" + sas;
        try {
            if (existing != null && existing.isCopyOf(blob)) {
                return outcome(blob, BlobCopyOutcome.Status.SKIPPED, "already identical at the target");
            }
            String how;
            if (blob.length() <= options.singleCallLimit()) {
                BlobCopyFromUrlOptions copy = new BlobCopyFromUrlOptions(sourceUrl).setMetadata(stamped(blob));
                dst.copyFromUrlWithResponse(copy, null, Context.NONE);
                how = "Copy Blob From URL";
            } else {
                boolean committed = stageAndCommit(dst.getBlockBlobClient(), sourceUrl, blob, options, cancellation, advance);
                if (!committed) {
                    return outcome(blob, BlobCopyOutcome.Status.CANCELLED, "cancelled before commit; nothing written");
                }
                how = "Put Block From URL x" + blockCount(blob.length(), options.blockSize());
            }
            return outcome(blob, BlobCopyOutcome.Status.COPIED, how);
        } catch (BlobStorageException e) {
            return outcome(blob, BlobCopyOutcome.Status.FAILED, "HTTP " + e.getStatusCode() + " " + e.getErrorCode());
        } catch (AmshException e) {
            return outcome(blob, BlobCopyOutcome.Status.FAILED, e.getMessage());
        }
    }

    /** The source's metadata plus its ETag, so a re-run can tell a finished copy from a changed source. */
    private static java.util.Map<String, String> stamped(BlobEntry source) {
        java.util.Map<String, String> m = new java.util.HashMap<>(source.metadata());
        m.remove(BlobEntry.SOURCE_ETAG);
        if (source.etag() != null) {
            m.put(BlobEntry.SOURCE_ETAG, source.etag());
        }
        return m;
    }

    private static boolean md5Matches(String target, String sourceMd5) {
        return target == null || sourceMd5 == null || target.equals(sourceMd5);
    }

    private boolean stageAndCommit(BlockBlobClient dst, String sourceUrl, BlobEntry blob, CopyOptions options,
                                   CopyCancellation cancellation, java.util.function.LongConsumer advance) {
        List<String> ids = new ArrayList<>();
        long offset = 0;
        int index = 0;
        while (offset < blob.length()) {
            if (cancellation.isCancelled()) {
                return false; // uncommitted blocks are discarded by the service; no blob appears
            }
            long count = Math.min(options.blockSize(), blob.length() - offset);
            String id = Base64.getEncoder().encodeToString(
                    String.format("amsh-%08d", index++).getBytes(StandardCharsets.UTF_8));
            BlockBlobStageBlockFromUrlOptions stage = new BlockBlobStageBlockFromUrlOptions(id, sourceUrl)
                    .setSourceRange(new BlobRange(offset, count));
            dst.stageBlockFromUrlWithResponse(stage, null, Context.NONE);
            ids.add(id);
            offset += count;
            if (offset < blob.length()) {
                advance.accept(count);
            }
        }
        if (cancellation.isCancelled()) {
            return false;
        }
        BlobHttpHeaders headers = new BlobHttpHeaders().setContentType(blob.contentType());
        if (blob.contentMd5() != null) {
            headers.setContentMd5(Base64.getDecoder().decode(blob.contentMd5()));
        }
        dst.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(ids).setHeaders(headers)
                .setMetadata(stamped(blob)), null, Context.NONE);
        return true;
    }

    /**
     * Checks every copied blob against its source with one listing of the target: the length, and the MD5
     * where both have one. A mismatch is removed and reported failed, so a re-run copies it again.
     */
    private static List<BlobEntry> verify(BlobStore target, String container, List<BlobEntry> sources,
                                          List<BlobCopyOutcome> outcomes) {
        List<BlobEntry> listed = target.list(container);
        java.util.Map<String, BlobEntry> copied = new java.util.HashMap<>();
        listed.forEach(e -> copied.put(e.name(), e));
        java.util.Map<String, BlobEntry> byName = new java.util.HashMap<>();
        sources.forEach(e -> byName.put(e.name(), e));
        for (int i = 0; i < outcomes.size(); i++) {
            BlobCopyOutcome o = outcomes.get(i);
            if (o.status() != BlobCopyOutcome.Status.COPIED) {
                continue;
            }
            BlobEntry source = byName.get(o.name());
            BlobEntry result = copied.get(o.name());
            String problem = result == null ? "missing at the target after the copy"
                    : result.length() != source.length() ? "length mismatch: source " + source.length() + ", target " + result.length()
                    : !md5Matches(result.contentMd5(), source.contentMd5()) ? "MD5 mismatch" : null;
            if (problem != null) {
                target.container(container).getBlobClient(o.name()).deleteIfExists();
                outcomes.set(i, new BlobCopyOutcome(o.name(), o.length(), BlobCopyOutcome.Status.FAILED,
                        problem + " (target removed; re-run the copy)"));
            }
        }
        return listed;
    }

    private static long blockCount(long length, long blockSize) {
        return (length + blockSize - 1) / blockSize;
    }

    private static BlobCopyOutcome outcome(BlobEntry blob, BlobCopyOutcome.Status status, String detail) {
        return new BlobCopyOutcome(blob.name(), blob.length(), status, Objects.requireNonNull(detail));
    }
}
