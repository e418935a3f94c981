package dev.amsh.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.CopyStatusType;
import dev.amsh.storage.BlobStore;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyOptions;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;

/**
 * Copies an asset of 40 blobs between the pair's two storage accounts: amsh's engine at its default
 * concurrency against one blob at a time as the documented procedure does it (StartCopyFromBlob, then
 * FetchAttributes until the copy is no longer pending, sleeping a second between polls). Prints both, on
 * loopback and through a proxy that adds a network's latency.
 *   args: [blob bytes, default 2 MiB] [one-way latency ms, default 10]
 */
public final class CopyBenchmark {
    public static void main(String[] args) throws Exception {
        int blobs = 40;
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2 * 1024 * 1024;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 10;
        try (BenchPair p = new BenchPair()) {
            BlobStore a = p.contexts.get("a").storage();
            BlobStore b = p.contexts.get("b").storage();
            System.out.printf("copy of %d blobs x %d KiB between the two Azurite accounts%n", blobs, size / 1024);
            String source = seed(a, blobs, size);
            measure("loopback", a, source, b);
            int azurite = p.pair.azurite().port();
            try (LatencyProxy proxy = new LatencyProxy(azurite, latency)) {
                okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
                BlobStore slowA = new BlobStore(new dev.amsh.storage.StorageAccount(a.account().name(), a.account().key(),
                        a.account().blobEndpoint().replace(":" + azurite + "/", ":" + proxy.port() + "/")), http);
                BlobStore slowB = new BlobStore(new dev.amsh.storage.StorageAccount(b.account().name(), b.account().key(),
                        b.account().blobEndpoint().replace(":" + azurite + "/", ":" + proxy.port() + "/")), http);
                measure(latency + " ms each way (a loopback proxy), as to storage in another region", slowA, source, slowB);
            }
        }
    }

    static String seed(BlobStore a, int blobs, int size) {
        String source = "asset-" + UUID.randomUUID();
        BlobContainerClient src = a.container(source);
        src.create();
        byte[] data = new byte[size];
        new Random(1).nextBytes(data);
        for (int i = 0; i < blobs; i++) {
            src.getBlobClient(String.format("video_%02d.mp4", i)).upload(BinaryData.fromBytes(data));
        }
        return source;
    }

    static void measure(String label, BlobStore a, String source, BlobStore b) throws InterruptedException {
        // warm both paths once
        seedStyle(a, source, b, "asset-" + UUID.randomUUID());
        new CopyEngine(Clock.systemUTC()).copy(a, source, b, "asset-" + UUID.randomUUID(), CopyOptions.defaults(), x -> { },
                new CopyCancellation());

        long t0 = System.nanoTime();
        seedStyle(a, source, b, "asset-" + UUID.randomUUID());
        long seed = System.nanoTime() - t0;

        t0 = System.nanoTime();
        CopyReport r = new CopyEngine(Clock.systemUTC()).copy(a, source, b, "asset-" + UUID.randomUUID(),
                CopyOptions.defaults(), x -> { }, new CopyCancellation());
        long amsh = System.nanoTime() - t0;
        if (!r.succeeded()) {
            throw new IllegalStateException("copy failed: " + r);
        }
        System.out.printf("  %s%n", label);
        System.out.printf("    one at a time, as the procedure does it: %7.0f ms%n", seed / 1e6);
        System.out.printf("    amsh, concurrency %d:                    %7.0f ms%n", CopyOptions.DEFAULT_CONCURRENCY, amsh / 1e6);
        System.out.printf("    ratio: %.1fx%n", (double) seed / amsh);
    }

    /** The documented CopyBlobsFromDifferentStorage, call for call. */
    static void seedStyle(BlobStore a, String sourceName, BlobStore b, String targetName) throws InterruptedException {
        BlobContainerClient source = a.container(sourceName);
        BlobContainerClient target = b.container(targetName);
        target.createIfNotExists();
        String sas = a.containerSas(sourceName, "rw", OffsetDateTime.now().plusDays(1));
        for (BlobItem item : source.listBlobs()) {
            BlobClient sourceBlob = source.getBlobClient(item.getName());
            if (sourceBlob.getProperties().getBlobSize() > 0) {
                BlobClient destination = target.getBlobClient(item.getName());
                destination.beginCopy(sourceBlob.getBlobUrl() + "?" + sas, null);
                while (destination.getProperties().getCopyStatus() == CopyStatusType.PENDING) {
                    Thread.sleep(1000);
                }
            }
        }
    }
}
