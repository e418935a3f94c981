package dev.amsh.emulator.storage;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobSignedIdentifier;
import com.azure.storage.blob.models.BlobAccessPolicy;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The emulated account's view of its storage account in Azurite: containers, ACLs, SAS, blob listings. */
public final class StorageGateway {
    public record Blob(String name, long length, String contentType) {
    }

    private final StorageAccountSpec account;
    private final String endpoint;
    private final String publicEndpoint;
    private final BlobServiceClient service;

    public StorageGateway(StorageAccountSpec account, String endpoint) {
        this(account, endpoint, endpoint);
    }

    /**
     * {@code endpoint} is where the emulator itself reaches the account (Azurite, directly); {@code publicEndpoint}
     * is the one clients are given in Asset.Uri and SAS locator paths (the datacenter's storage proxy).
     */
    public StorageGateway(StorageAccountSpec account, String endpoint, String publicEndpoint) {
        this.account = account;
        this.endpoint = endpoint;
        this.publicEndpoint = publicEndpoint;
        this.service = new BlobServiceClientBuilder().endpoint(endpoint)
                .credential(new StorageSharedKeyCredential(account.name(), account.key()))
                .httpClient(new OkHttpAsyncHttpClientBuilder().build())
                .buildClient();
    }

    public String endpoint() {
        return endpoint;
    }

    public StorageAccountSpec account() {
        return account;
    }

    public BlobContainerClient container(String name) {
        return service.getBlobContainerClient(name);
    }

    public void createContainer(String name) {
        container(name).createIfNotExists();
    }

    public void deleteContainer(String name) {
        container(name).deleteIfExists();
    }

    public boolean containerExists(String name) {
        return container(name).exists();
    }

    public List<Blob> list(String container) {
        List<Blob> out = new ArrayList<>();
        for (BlobItem item : container(container).listBlobs()) {
            out.add(new Blob(item.getName(), item.getProperties().getContentLength(),
                    item.getProperties().getContentType()));
        }
        return out;
    }

    /** Adds a stored access policy (signed identifier) to the container's ACL. */
    public synchronized void addPolicy(String container, String identifier, String permissions,
                                       OffsetDateTime start, OffsetDateTime expiry) {
        BlobContainerClient c = container(container);
        List<BlobSignedIdentifier> ids = identifiers(c);
        ids.removeIf(i -> i.getId().equals(identifier));
        ids.add(new BlobSignedIdentifier().setId(identifier).setAccessPolicy(new BlobAccessPolicy()
                .setPermissions(permissions).setStartsOn(start).setExpiresOn(expiry)));
        c.setAccessPolicy(null, ids);
    }

    public synchronized void removePolicy(String container, String identifier) {
        BlobContainerClient c = container(container);
        if (!c.exists()) {
            return;
        }
        List<BlobSignedIdentifier> ids = identifiers(c);
        if (ids.removeIf(i -> i.getId().equals(identifier))) {
            c.setAccessPolicy(null, ids);
        }
    }

    private static List<BlobSignedIdentifier> identifiers(BlobContainerClient c) {
        List<BlobSignedIdentifier> ids = c.getAccessPolicy().getIdentifiers();
        return ids == null ? new ArrayList<>() : new ArrayList<>(ids);
    }

    /** A container SAS bound to a stored access policy: {@code sv=…&sr=c&si=<identifier>&sig=…}. */
    /**
     * A SAS on a stored access policy, with the locator's window in the token ({@code st}, {@code se}) as the
     * service's SAS locator paths had it; the stored policy carries the permissions, so deleting it revokes.
     */
    public String policySas(String container, String identifier, OffsetDateTime start, OffsetDateTime expiry) {
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(identifier).setExpiryTime(expiry);
        if (start != null) {
            values.setStartTime(start);
        }
        return container(container).generateSas(values);
    }

    /**
     * A plain container SAS signed with the account key ({@code sr=c}, permissions as given, e.g. {@code rl}), as
     * v3's listContainerSas hands out: revoked only by its expiry or a key rotation.
     */
    public String containerSas(String container, String permissions, OffsetDateTime start, OffsetDateTime expiry) {
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expiry,
                BlobContainerSasPermission.parse(permissions));
        if (start != null) {
            values.setStartTime(start);
        }
        return container(container).generateSas(values);
    }

    public String containerUrl(String container) {
        return publicEndpoint + "/" + container;
    }
}
