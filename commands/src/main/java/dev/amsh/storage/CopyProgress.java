package dev.amsh.storage;

/** Progress of a copy, published as it goes: bytes and blobs done of the totals, and the blob just finished. */
public record CopyProgress(long bytesDone, long bytesTotal, int blobsDone, int blobsTotal, String lastBlob) {
    public double fraction() {
        return bytesTotal == 0 ? (blobsTotal == 0 ? 1 : (double) blobsDone / blobsTotal) : (double) bytesDone / bytesTotal;
    }
}
