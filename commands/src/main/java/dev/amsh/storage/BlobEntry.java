package dev.amsh.storage;

/** One blob of a container as listed: name, length, Content-MD5 (base64, may be null) and blob type. */
public record BlobEntry(String name, long length, String contentMd5, String blobType) {
    public boolean isBlockBlob() {
        return blobType == null || blobType.equalsIgnoreCase("BlockBlob");
    }
}
