package dev.amsh.shell.commands;

import dev.amsh.context.SecretRef;
import dev.amsh.error.AmshException;
import dev.amsh.storage.StorageAccount;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;

/**
 * Checks of what {@code context add} is given, made before anything is saved so that a wrong value is one line
 * now rather than an exception at the first call. Secrets are never quoted back.
 */
final class ContextInput {
    private ContextInput() {
    }

    /** An http or https URL with a host, such as the API root or a token URL. */
    static void url(String value, String option) {
        if (value == null) {
            return;
        }
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below, in the same words
        }
        throw new AmshException("--" + option + " '" + value + "' is not an http or https URL",
                "give a full URL, such as https://media.windows.net/api/");
    }

    /** A storage account key as the portal gives it: base64 text. An env: reference is checked when it is read. */
    static void storageKey(String value, String option) {
        if (!SecretRef.isInline(value)) {
            return;
        }
        if (!isBase64(value)) {
            throw new AmshException("'--" + option + "' is not a storage account key (base64 text)",
                    "copy key1 or key2 from the storage account's access keys, or give env:VARIABLE");
        }
    }

    /** A storage connection string: AccountName and a base64 AccountKey, and a URL where it names an endpoint. */
    static void connectionString(String value) {
        if (!SecretRef.isInline(value)) {
            return;
        }
        StorageAccount account;
        try {
            account = StorageAccount.fromConnectionString(value);
        } catch (AmshException e) {
            throw new AmshException("'--connection-string' is not a storage connection string: it lacks AccountName or AccountKey",
                    "give one of the form DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY, or env:VARIABLE");
        }
        if (!isBase64(account.key())) {
            throw new AmshException("the AccountKey of '--connection-string' is not a storage account key (base64 text)",
                    "copy the connection string from the storage account's access keys, or give env:VARIABLE");
        }
        try {
            url(account.blobEndpoint(), "connection-string's BlobEndpoint");
        } catch (AmshException e) {
            throw new AmshException("the blob endpoint of '--connection-string' is not an http or https URL",
                    "check its BlobEndpoint, DefaultEndpointsProtocol and EndpointSuffix");
        }
    }

    private static boolean isBase64(String s) {
        try {
            return !s.isBlank() && Base64.getDecoder().decode(s.strip()).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
