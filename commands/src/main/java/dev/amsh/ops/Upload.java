package dev.amsh.ops;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.storage.CopyCancellation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Uploads a local file into a new asset the way the v2 upload procedure does: create the asset, a write SAS
 * locator on its container, parallel block upload through that SAS, CreateFileInfos, then the SAS locator and
 * its policy removed. The single file is made primary so it can be encoded.
 */
public final class Upload {
    public record Result(Asset asset, AssetFile file, long bytes, Duration elapsed) {
    }

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
        AmsClient ams = ctx.ams();
        java.time.Instant start = clock.instant();
        // marked with this upload's own key, so a lost answer is found by it instead of making a second asset
        String mark = "{\"amshUpload\":\"" + UUID.randomUUID() + "\"}";
        Asset asset = Outcomes.findOrCreate(
                () -> ams.listAssets(Query.filter("AlternateId eq " + Query.literal(mark))).stream().findFirst(),
                () -> ams.createAsset(assetName != null ? assetName : name, Asset.OPTION_NONE, null, mark));
        SasLocator sas;
        try {
            sas = SasLocator.create(ctx.name(), ams, asset, true, Duration.ofHours(8), clock,
                    RunMarker.create(UUID::randomUUID).name("upload"));
        } catch (RuntimeException e) {
            undo(e, () -> ams.deleteAsset(asset.id()));
            throw e;
        }
        try {
            transfer(sas, name, file, http, bytesDone, cancellation);
        } catch (RuntimeException e) {
            RuntimeException cleanup = new RuntimeException("cleanup");
            undo(cleanup, () -> sas.remove(ams));
            undo(cleanup, () -> ams.deleteAsset(asset.id()));
            String left = cleanup.getSuppressed().length == 0 ? "the new asset was removed, no blob is left"
                    : "the new asset " + asset.id() + " could not be removed";
            String next = cleanup.getSuppressed().length == 0 ? "" : "remove it: assets rm " + asset.id() + " --on "
                    + ctx.name() + " (and 'cleanup --on " + ctx.name() + "')";
            AmshException failure = e instanceof CancellationException
                    ? new AmshException("upload of " + name + " cancelled; " + left, next)
                    : new AmshException("upload of " + name + " failed: " + e.getMessage() + " (" + left + ")",
                    next.isEmpty() ? "check the file and the storage account, then retry" : next, e);
            throw failure;
        }
        sas.remove(ams);
        ams.createFileInfos(asset.id());
        List<AssetFile> files = ams.listFiles(asset.id());
        AssetFile uploaded = files.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AmshException("CreateFileInfos did not register " + name, "retry the upload"));
        ams.updateFile(uploaded.id(), Map.of("IsPrimary", true));
        return new Result(ams.getAsset(asset.id()), uploaded, uploaded.contentFileSize(),
                Duration.between(start, clock.instant()));
    }

    /**
     * The block upload through the SAS, cancellable: a cancelled upload is stopped before its commit, and staged
     * blocks that are never committed never become a blob (a small file goes in one atomic Put Blob).
     */
    private static void transfer(SasLocator sas, String name, Path file, okhttp3.OkHttpClient http,
                                 LongConsumer bytesDone, CopyCancellation cancellation) {
        BlobContainerAsyncClient container = new BlobContainerClientBuilder().endpoint(sas.url())
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
