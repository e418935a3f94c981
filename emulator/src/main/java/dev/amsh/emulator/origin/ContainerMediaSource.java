package dev.amsh.emulator.origin;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import dev.amsh.emulator.origin.packaging.MediaSource;
import dev.amsh.emulator.origin.packaging.OriginError;
import dev.amsh.emulator.origin.packaging.StoredFile;

import java.util.LinkedHashMap;
import java.util.Map;

/** An asset's container as the packager reads it: one listing for the files, range reads for the bytes. */
final class ContainerMediaSource implements MediaSource {
    private final BlobContainerClient container;

    ContainerMediaSource(BlobContainerClient container) {
        this.container = container;
    }

    @Override
    public Map<String, StoredFile> files() {
        Map<String, StoredFile> out = new LinkedHashMap<>();
        try {
            for (BlobItem b : container.listBlobs()) {
                out.put(b.getName(), new StoredFile(b.getProperties().getETag(), b.getProperties().getContentLength()));
            }
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                throw OriginError.notFound("the asset's container is gone");
            }
            throw e;
        }
        return out;
    }

    @Override
    public byte[] read(String name, long offset, int length) {
        try {
            return container.getBlobClient(name)
                    .downloadContentWithResponse(null, null, new BlobRange(offset, (long) length), false, null, null)
                    .getValue().toBytes();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 416) {
                return new byte[0];
            }
            if (e.getStatusCode() == 404) {
                throw OriginError.notFound(name + " is gone from the asset");
            }
            throw e;
        }
    }
}
