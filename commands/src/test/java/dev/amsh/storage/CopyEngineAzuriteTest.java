package dev.amsh.storage;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The copy engine between the two storage accounts of a real Azurite. */
@ExtendWith(LocalPairExtension.class)
class CopyEngineAzuriteTest {
    static final long MIB = 1024 * 1024;
    BlobStore a;
    BlobStore b;
    String source;
    String target;

    @BeforeEach
    void stores(LocalPair pair) {
        Endpoints e = pair.endpoints(null, null);
        OkHttpClient http = new OkHttpClient();
        a = new BlobStore(new StorageAccount(e.get("a").storageAccountName(), e.get("a").storageAccountKey(),
                e.get("a").blobEndpoint()), http);
        b = new BlobStore(new StorageAccount(e.get("b").storageAccountName(), e.get("b").storageAccountKey(),
                e.get("b").blobEndpoint()), http);
        source = "asset-" + UUID.randomUUID();
        target = "asset-" + UUID.randomUUID();
        a.container(source).create();
    }

    static byte[] bytes(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }

    @Test
    void copiesEveryBlobServerSideIncludingEmptyOnesAndRefusesPageBlobs() {
        BlobContainerClient src = a.container(source);
        Map<String, byte[]> content = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            byte[] data = bytes(1000 + i * 517, i);
            content.put("video_" + i + ".mp4", data);
            src.getBlobClient("video_" + i + ".mp4").upload(BinaryData.fromBytes(data));
        }
        src.getBlobClient("empty.txt").upload(BinaryData.fromBytes(new byte[0]));
        src.getBlobClient("disk.vhd").getPageBlobClient().create(1024);
        List<CopyProgress> progress = new CopyOnWriteArrayList<>();

        CopyReport report = new CopyEngine(Clock.systemUTC()).copy(a, source, b, target, CopyOptions.defaults(),
                progress::add, new CopyCancellation());

        assertTrue(report.succeeded(), report.toString());
        assertEquals(13, report.count(BlobCopyOutcome.Status.COPIED), "12 videos and the empty blob");
        assertEquals(1, report.count(BlobCopyOutcome.Status.SKIPPED));
        assertTrue(report.blobs().stream().anyMatch(o -> o.name().equals("disk.vhd") && o.detail().contains("block blobs")));
        BlobContainerClient dst = b.container(target);
        for (Map.Entry<String, byte[]> e : content.entrySet()) {
            assertArrayEquals(e.getValue(), dst.getBlobClient(e.getKey()).downloadContent().toBytes(), e.getKey());
        }
        // a replica serves what the source serves, an empty file too
        assertTrue(dst.getBlobClient("empty.txt").exists());
        assertEquals(0, dst.getBlobClient("empty.txt").getProperties().getBlobSize());
        assertEquals(14, progress.size());
        CopyProgress last = progress.stream().max((x, y) -> Integer.compare(x.blobsDone(), y.blobsDone())).orElseThrow();
        assertEquals(14, last.blobsDone());
        assertEquals(last.bytesTotal(), last.bytesDone());

        CopyReport again = new CopyEngine(Clock.systemUTC()).copy(a, source, b, target, CopyOptions.defaults(),
                p -> { }, new CopyCancellation());
        assertEquals(0, again.count(BlobCopyOutcome.Status.COPIED), "a re-run copies nothing already identical");
        assertTrue(again.blobs().stream().filter(o -> !o.name().equals("disk.vhd"))
                .allMatch(o -> o.detail().contains("already identical")));

        // a source blob changed since, to other bytes of the same length, is copied again
        byte[] changed = bytes(1000, 99);
        src.getBlobClient("video_0.mp4").upload(BinaryData.fromBytes(changed), true);
        CopyReport third = new CopyEngine(Clock.systemUTC()).copy(a, source, b, target, CopyOptions.defaults(),
                p -> { }, new CopyCancellation());
        assertEquals(1, third.count(BlobCopyOutcome.Status.COPIED), third.toString());
        assertArrayEquals(changed, dst.getBlobClient("video_0.mp4").downloadContent().toBytes());
    }

    @Test
    void aBlobOverTheSingleCallLimitIsStagedFromUrlInRangesAndVerified() throws Exception {
        long size = 257 * MIB + 12345;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (OutputStream os = a.container(source).getBlobClient("big.mp4").getBlockBlobClient().getBlobOutputStream(true)) {
            byte[] chunk = new byte[(int) MIB];
            Random random = new Random(42);
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, size - written);
                os.write(chunk, 0, n);
                md5.update(chunk, 0, n);
            }
        }
        String expected = HexFormat.of().formatHex(md5.digest());

        CopyReport report = new CopyEngine(Clock.systemUTC()).copy(a, source, b, target, CopyOptions.defaults(),
                p -> { }, new CopyCancellation());

        assertTrue(report.succeeded(), report.toString());
        BlobCopyOutcome big = report.blobs().get(0);
        assertEquals(BlobCopyOutcome.Status.COPIED, big.status());
        assertEquals("Put Block From URL x17", big.detail(), "16 MiB ranges: 257 MiB takes seventeen blocks");
        assertEquals(size, b.container(target).getBlobClient("big.mp4").getProperties().getBlobSize());
        MessageDigest copied = MessageDigest.getInstance("MD5");
        try (InputStream in = b.container(target).getBlobClient("big.mp4").openInputStream()) {
            byte[] buf = new byte[(int) MIB];
            for (int n; (n = in.read(buf)) > 0; ) {
                copied.update(buf, 0, n);
            }
        }
        assertEquals(expected, HexFormat.of().formatHex(copied.digest()), "byte-identical after the copy");
    }

    @Test
    void aCancelledCopyLeavesNoPartialBlobAndARerunFinishes() {
        BlobContainerClient src = a.container(source);
        byte[] large = bytes((int) (24 * MIB), 7);
        src.getBlobClient("large.mp4").upload(BinaryData.fromBytes(large));
        for (int i = 0; i < 4; i++) {
            src.getBlobClient("small_" + i + ".mp4").upload(BinaryData.fromBytes(bytes(2048, i)));
        }
        CopyCancellation cancel = new CopyCancellation();
        // blocks of 64 KiB make the large blob hundreds of calls long; the first small blob done cancels
        CopyOptions slow = CopyOptions.defaults().withSingleCallLimit(MIB, 64 * 1024);

        CopyReport report = new CopyEngine(Clock.systemUTC()).copy(a, source, b, target, slow,
                p -> cancel.cancel(), cancel);

        assertTrue(report.cancelled());
        BlobContainerClient dst = b.container(target);
        assertFalse(dst.getBlobClient("large.mp4").exists(), "the uncommitted blob never appears");
        for (BlobItem item : dst.listBlobs()) {
            long expected = src.getBlobClient(item.getName()).getProperties().getBlobSize();
            assertEquals(expected, item.getProperties().getContentLength(), "no partial blob: " + item.getName());
        }
        assertTrue(report.blobs().stream().anyMatch(o -> o.name().equals("large.mp4")
                && o.status() == BlobCopyOutcome.Status.CANCELLED));

        CopyReport rerun = new CopyEngine(Clock.systemUTC()).copy(a, source, b, target, slow.withSingleCallLimit(MIB, 8 * MIB),
                p -> { }, new CopyCancellation());
        assertTrue(rerun.succeeded(), rerun.toString());
        assertTrue(Arrays.equals(large, dst.getBlobClient("large.mp4").downloadContent().toBytes()));
    }
}
