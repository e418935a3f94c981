package dev.amsh.storage;

import java.util.Map;

/**
 * One blob of a container as listed: name, length, Content-MD5 (base64, may be null), blob type, ETag,
 * content type and metadata.
 */
public record BlobEntry(String name, long length, String contentMd5, String blobType, String etag, String contentType,
                        Map<String, String> metadata) {
    /** Metadata a copy stamps on its target: the source's ETag at the time of the copy. */
    public static final String SOURCE_ETAG = "amshsourceetag";

    public BlobEntry {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public BlobEntry(String name, long length, String contentMd5, String blobType) {
        this(name, length, contentMd5, blobType, null, null, Map.of());
    }

    public boolean isBlockBlob() {
        return blobType == null || blobType.equalsIgnoreCase("BlockBlob");
    }

    /**
     * True when this target blob is a finished copy of {@code source} as it is now: same length, and the same
     * MD5 where both have one, or else the source ETag stamped by the copy that made it.
     */
    public boolean isCopyOf(BlobEntry source) {
        if (length != source.length) {
            return false;
        }
        if (contentMd5 != null && source.contentMd5 != null) {
            return contentMd5.equals(source.contentMd5);
        }
        return source.etag != null && source.etag.equals(metadata.get(SOURCE_ETAG));
    }
}
