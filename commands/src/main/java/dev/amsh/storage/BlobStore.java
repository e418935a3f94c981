package dev.amsh.storage;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.amsh.error.AmshException;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Blob access for one storage account: listing a container, container SAS, and the clients the copy engine uses. */
public final class BlobStore {
    /**
     * Storage calls are idempotent (PUTs with the blob's own name), so every failure is retried; the waits are
     * short so a flaky network costs seconds; the per-try timeouts live in the HTTP client (10 s, copies 30 s).
     */
    static final RequestRetryOptions RETRIES = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 5,
            Duration.ofSeconds(45), Duration.ofMillis(400), Duration.ofSeconds(8), null);

    private final StorageAccount account;
    private final BlobServiceClient service;
    /** Without keys: the one container reachable, and its SAS URL (a v3 listContainerSas URL). */
    private final String sasContainer;
    private final String sasUrl;
    private final HttpClient client;

    public BlobStore(StorageAccount account, OkHttpClient http) {
        this.account = account;
        this.client = new OkHttpAsyncHttpClientBuilder(http).build();
        this.service = new BlobServiceClientBuilder()
                .endpoint(account.blobEndpoint())
                .credential(new StorageSharedKeyCredential(account.name(), account.key()))
                .httpClient(client)
                .retryOptions(RETRIES)
                .buildClient();
        this.sasContainer = null;
        this.sasUrl = null;
    }

    private BlobStore(String container, String containerSasUrl, OkHttpClient http) {
        URI u = URI.create(containerSasUrl);
        String path = u.getPath().replaceAll("/+$", "");
        String endpoint = u.getScheme() + "://" + u.getRawAuthority() + path.substring(0, path.lastIndexOf('/'));
        String host = u.getHost();
        // host-style (name.blob.core.windows.net) or path-style (Azurite: host:port/name)
        String name = host.contains(".blob.") ? host.substring(0, host.indexOf('.')) : endpoint.substring(endpoint.lastIndexOf('/') + 1);
        this.account = new StorageAccount(name, null, endpoint);
        this.client = new OkHttpAsyncHttpClientBuilder(http).build();
        this.service = null;
        this.sasContainer = container;
        this.sasUrl = containerSasUrl;
    }

    /**
     * One container through its SAS URL, for a context without storage keys (v3: listContainerSas). It cannot create
     * containers or sign other SAS; {@link #keyed()} says so.
     */
    public static BlobStore ofContainerSas(String container, String containerSasUrl, OkHttpClient http) {
        return new BlobStore(container, containerSasUrl, http);
    }

    /** Whether this store holds the account's key (else it reaches one container through a SAS URL). */
    public boolean keyed() {
        return service != null;
    }

    public StorageAccount account() {
        return account;
    }

    public BlobServiceClient service() {
        return service;
    }

    public BlobContainerClient container(String name) {
        if (service != null) {
            return service.getBlobContainerClient(name);
        }
        if (!name.equals(sasContainer)) {
            throw new AmshException("container " + name + " is not reachable without the storage key (only " + sasContainer + ")",
                    "give the context its storage name and key");
        }
        return new BlobContainerClientBuilder().endpoint(sasUrl).httpClient(client).retryOptions(RETRIES).buildClient();
    }

    public List<BlobEntry> list(String container) {
        return list(container(container));
    }

    /** The blobs of a container through a container SAS URL (a v3 context without storage keys). */
    public static List<BlobEntry> listBySas(String containerSasUrl, OkHttpClient http) {
        return list(new BlobContainerClientBuilder().endpoint(containerSasUrl)
                .httpClient(new OkHttpAsyncHttpClientBuilder(http).build()).retryOptions(RETRIES).buildClient());
    }

    private static List<BlobEntry> list(BlobContainerClient container) {
        List<BlobEntry> out = new ArrayList<>();
        ListBlobsOptions options = new ListBlobsOptions().setDetails(new BlobListDetails().setRetrieveMetadata(true));
        for (BlobItem item : container.listBlobs(options, null)) {
            var p = item.getProperties();
            byte[] md5 = p.getContentMd5();
            out.add(new BlobEntry(item.getName(), p.getContentLength(),
                    md5 == null ? null : Base64.getEncoder().encodeToString(md5),
                    p.getBlobType() == null ? null : p.getBlobType().toString(),
                    p.getETag(), p.getContentType(), item.getMetadata()));
        }
        return out;
    }

    /** A container SAS query string (without the leading '?') with the given permissions, e.g. "r" or "rw". */
    public String containerSas(String container, String permissions, OffsetDateTime expiry) {
        if (service == null) {
            container(container); // refuses another container
            return URI.create(sasUrl).getRawQuery(); // the grant's own signature and expiry
        }
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expiry,
                BlobContainerSasPermission.parse(permissions));
        return container(container).generateSas(values);
    }

    /** The URL of a container of this account. */
    public String containerUrl(String container) {
        return account.blobEndpoint() + "/" + container;
    }
}
