package dev.amsh.shell.commands;

import dev.amsh.context.ContextChecks;
import dev.amsh.context.SecretRef;
import dev.amsh.error.AmshException;

/**
 * Checks of what {@code context add} is given, made before anything is saved so that a wrong value is one line
 * now rather than an exception at the first call. The tests are the contexts file's ({@link ContextChecks}), in the
 * words of the command's options. Secrets are never quoted back.
 */
final class ContextInput {
    private ContextInput() {
    }

    /** An http or https URL with a host, such as the API root or a token URL. */
    static void url(String value, String option) {
        if (value != null && !ContextChecks.isHttpUrl(value)) {
            throw new AmshException("--" + option + " '" + value + "' is not an http or https URL",
                    "give a full URL, such as https://media.windows.net/api/");
        }
    }

    /** A storage account key as the portal gives it: base64 text. An env: reference is checked when it is read. */
    static void storageKey(String value, String option) {
        if (SecretRef.isInline(value) && !ContextChecks.isStorageKey(value)) {
            throw new AmshException("'--" + option + "' is not a storage account key (base64 text)",
                    "copy key1 or key2 from the storage account's access keys, or give env:VARIABLE");
        }
    }

    /** A storage connection string: AccountName and a base64 AccountKey, and a URL where it names an endpoint. */
    static void connectionString(String value) {
        if (!SecretRef.isInline(value)) {
            return;
        }
        ContextChecks.connectionStringFault(value).ifPresent(fault -> {
            throw switch (fault) {
                case NOT_ONE -> new AmshException(
                        "'--connection-string' is not a storage connection string: it lacks AccountName or AccountKey",
                        "give one of the form DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY, or env:VARIABLE");
                case KEY_NOT_BASE64 -> new AmshException(
                        "the AccountKey of '--connection-string' is not a storage account key (base64 text)",
                        "copy the connection string from the storage account's access keys, or give env:VARIABLE");
                case ENDPOINT_NOT_URL -> new AmshException(
                        "the blob endpoint of '--connection-string' is not an http or https URL",
                        "check its BlobEndpoint, DefaultEndpointsProtocol and EndpointSuffix");
            };
        });
    }
}
