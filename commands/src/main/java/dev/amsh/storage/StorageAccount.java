package dev.amsh.storage;

import dev.amsh.error.AmshException;

import java.util.LinkedHashMap;
import java.util.Map;

/** A storage account: name, key and blob endpoint. {@link #toString()} never shows the key. */
public record StorageAccount(String name, String key, String blobEndpoint) {
    public StorageAccount {
        if (name == null || name.isBlank()) {
            throw new AmshException("a storage account name is required", "set storage.name for this context");
        }
        blobEndpoint = blobEndpoint == null || blobEndpoint.isBlank()
                ? "https://" + name + ".blob.core.windows.net" : stripSlash(blobEndpoint);
    }

    /** Parses a connection string (AccountName, AccountKey, BlobEndpoint or DefaultEndpointsProtocol/EndpointSuffix). */
    public static StorageAccount fromConnectionString(String cs) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String kv : cs.split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                parts.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        String name = parts.get("AccountName");
        String key = parts.get("AccountKey");
        if (name == null || key == null) {
            throw new AmshException("the storage connection string lacks AccountName or AccountKey",
                    "give a connection string of the form AccountName=…;AccountKey=…");
        }
        String endpoint = parts.get("BlobEndpoint");
        if (endpoint == null) {
            String protocol = parts.getOrDefault("DefaultEndpointsProtocol", "https");
            String suffix = parts.getOrDefault("EndpointSuffix", "core.windows.net");
            endpoint = protocol + "://" + name + ".blob." + suffix;
        }
        return new StorageAccount(name, key, endpoint);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "StorageAccount[name=" + name + ", blobEndpoint=" + blobEndpoint + "]";
    }
}
