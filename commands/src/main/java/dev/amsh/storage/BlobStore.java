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
import okhttp3.OkHttpClient;

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

    public BlobStore(StorageAccount account, OkHttpClient http) {
        this.account = account;
        HttpClient client = new OkHttpAsyncHttpClientBuilder(http).build();
        this.service = new BlobServiceClientBuilder()
                .endpoint(account.blobEndpoint())
                .credential(new StorageSharedKeyCredential(account.name(), account.key()))
                .httpClient(client)
                .retryOptions(RETRIES)
                .buildClient();
    }

    public StorageAccount account() {
        return account;
    }

    public BlobServiceClient service() {
        return service;
    }

    public BlobContainerClient container(String name) {
        return service.getBlobContainerClient(name);
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
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expiry,
                BlobContainerSasPermission.parse(permissions));
        return container(container).generateSas(values);
    }

    /** The URL of a container of this account. */
    public String containerUrl(String container) {
        return account.blobEndpoint() + "/" + container;
    }
}
