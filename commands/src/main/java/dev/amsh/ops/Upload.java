package dev.amsh.ops;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.error.AmshException;
import dev.amsh.storage.BlobStore;
import dev.amsh.storage.CopyCancellation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Uploads a local file into a new asset, on either kind through the seam. v2 as its upload procedure: the asset, a
 * write SAS locator on its container, parallel block upload through that SAS, CreateFileInfos, then the SAS locator
 * and its policy removed; the single file is made primary so it can be encoded. v3: the asset PUT (a name not taken
 * yet), the blob put into its container (signed with the storage keys, or through listContainerSas's ReadWrite URL
 * when the context has none), nothing to register. A lost answer is found (v2 by this upload's own mark) or repeated
 * (v3 PUT, then looked up by the name); a cancelled or failed upload removes the new asset, and an uncommitted blob
 * never becomes one. On v3, where names are unique, a re-run adopts the empty asset an earlier run of the same
 * upload left (lost, or failed without its cleanup), by the upload's key in its alternateId.
 */
public final class Upload {
    public record Result(MediaAsset asset, MediaFile file, long bytes, Duration elapsed) {
    }

    static final Duration GRANT = Duration.ofHours(8);

    private final Clock clock;

    public Upload(Clock clock) {
        this.clock = clock;
    }

    /** Runs one cleanup step; its failure is kept with the error that caused the cleanup, not instead of it. */
    private static void undo(RuntimeException cause, Runnable step) {
        // a second Ctrl-C interrupts the thread, which fails every HTTP call at once: clean up first, then restore it
        boolean interrupted = Thread.interrupted();
        try {
            step.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Result run(AccountContext ctx, Path file, String assetName, okhttp3.OkHttpClient http,
                      LongConsumer bytesDone, CopyCancellation cancellation) {
        if (!Files.isRegularFile(file)) {
            throw new AmshException("no file " + file, "give the path of a media file");
        }
        String name = file.getFileName().toString();
        if (name.chars().filter(c -> c == '.').count() > 1 || name.matches(".*[!*'();:@&=+$,/?%#\\[\\]\" ].*")) {
            throw new AmshException("'" + name + "' cannot be an asset file name (one '.', no spaces or !*'();:@&=+$,/?%#[]\")",
                    "rename the file first: the name becomes part of streaming URLs");
        }
        Datacenter dc = ctx.datacenter();
        Instant start = clock.instant();
        String target = assetName != null ? assetName : name;
        String mark = mark(target, name, file);
        MediaAsset asset = dc.encoding().createNewAsset(target, mark);
        ContainerGrant grant;
        try {
            grant = target(ctx, dc, asset);
        } catch (RuntimeException e) {
            undo(e, () -> dc.deleteAsset(asset));
            throw e;
        }
        try {
            transfer(grant.url(), name, file, http, bytesDone, cancellation);
        } catch (RuntimeException e) {
            RuntimeException cleanup = new RuntimeException("cleanup");
            undo(cleanup, () -> dc.revoke(grant));
            undo(cleanup, () -> dc.deleteAsset(asset));
            String id = asset.id() != null ? asset.id() : asset.name();
            String left = cleanup.getSuppressed().length == 0 ? "the new asset was removed, no blob is left"
                    : "the new asset " + id + " could not be removed";
            String next = cleanup.getSuppressed().length == 0 ? "" : "remove it: assets rm " + id + " --on "
                    + ctx.name() + " (and 'cleanup --on " + ctx.name() + "')";
            AmshException failure = e instanceof CancellationException
                    ? new AmshException("upload of " + name + " cancelled; " + left, next)
                    : new AmshException("upload of " + name + " failed: " + e.getMessage() + " (" + left + ")",
                    next.isEmpty() ? "check the file and the storage account, then retry" : next, e);
            throw failure;
        }
        dc.revoke(grant);
        MediaFile uploaded = dc.encoding().registerUpload(asset, name);
        return new Result(asset, uploaded, uploaded.size(), Duration.between(start, clock.instant()));
    }

    /**
     * The upload's mark in the new asset's alternateId: the key of this upload (the asset name, the file's name and
     * size), so a later run of the same upload knows the asset an earlier lost or failed one left (v3 adopts it while
     * its container is empty); and this attempt's own id, so a lost answer is found by it (v2) and no other asset.
     */
    public static String mark(String assetName, String fileName, Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((assetName + "\n" + fileName + "\n" + Files.size(file)).getBytes(StandardCharsets.UTF_8));
            String key = HexFormat.of().formatHex(sha.digest()).substring(0, 32);
            return "{\"amshUpload\":\"" + key + "\",\"attempt\":\"" + UUID.randomUUID() + "\"}";
        } catch (IOException e) {
            throw new AmshException("cannot read " + file + ": " + e.getMessage(), "check the file");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the blob goes: the procedure's write SAS locator where the kind has them (v2); else a SAS signed with
     * the context's storage keys; else the service's own container URL (v3 listContainerSas, ReadWrite).
     */
    private ContainerGrant target(AccountContext ctx, Datacenter dc, MediaAsset asset) {
        if (dc.can().sasLocators() || !ctx.hasStorageKeys()) {
            return dc.grant(asset, true, GRANT, RunMarker.create(UUID::randomUUID).name("upload"));
        }
        BlobStore storage = ctx.storage();
        String sas = storage.containerSas(asset.container(), "rcw", clock.instant().plus(GRANT).atOffset(ZoneOffset.UTC));
        return new ContainerGrant(asset.container(), storage.containerUrl(asset.container()) + "?" + sas, "", false,
                asset.id(), null);
    }

    /**
     * The block upload through the container's SAS URL, cancellable: a cancelled upload is stopped before its commit, and staged
     * blocks that are never committed never become a blob (a small file goes in one atomic Put Blob).
     */
    private static void transfer(String containerUrl, String name, Path file, okhttp3.OkHttpClient http,
                                 LongConsumer bytesDone, CopyCancellation cancellation) {
        BlobContainerAsyncClient container = new BlobContainerClientBuilder().endpoint(containerUrl)
                .httpClient(new OkHttpAsyncHttpClientBuilder(http).build()).buildAsyncClient();
        Future<?> upload = container.getBlobAsyncClient(name).uploadFromFileWithResponse(
                new BlobUploadFromFileOptions(file.toString()).setParallelTransferOptions(new ParallelTransferOptions()
                        .setBlockSizeLong(8L * 1024 * 1024).setMaxConcurrency(8)
                        .setProgressListener(bytesDone::accept))).toFuture();
        while (true) {
            if (cancellation.isCancelled()) {
                upload.cancel(true);
                throw new CancellationException("cancelled");
            }
            try {
                upload.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                // poll the cancellation again
            } catch (InterruptedException e) {
                upload.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
            }
        }
    }
}
