package dev.amsh.ops.library;

import dev.amsh.storage.BlobEntry;

import java.util.List;

/** One source blob as a replicate run saw it (name, length, Content-MD5): what the target must hold afterwards. */
public record RecordedFile(String name, long length, String contentMd5) {
    public static List<RecordedFile> of(List<BlobEntry> blobs) {
        return blobs == null ? List.of() : blobs.stream().map(b -> new RecordedFile(b.name(), b.length(), b.contentMd5())).toList();
    }
}
