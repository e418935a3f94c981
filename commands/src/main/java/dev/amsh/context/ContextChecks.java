package dev.amsh.context;

import dev.amsh.datacenter.Kind;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.storage.StorageAccount;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks of the contexts a file holds, made when it is loaded: a value that cannot work (an API root that is not a
 * URL, a connection string that is not one) is one line naming the context and the field now, not an exception at
 * the first call. Secret values are never quoted back; env: references are checked when they are read. The tests
 * of one value ({@link #isHttpUrl}, {@link #isStorageKey}, {@link #connectionStringFault}) are also what
 * {@code context add} checks its options with, so a file and a typed command accept the same values.
 */
public final class ContextChecks {
    private ContextChecks() {
    }

    static void check(Path file, Map<String, ContextConfig> contexts) {
        contexts.forEach((name, c) -> {
            if (c == null) {
                return;
            }
            Field f = new Field(file, name);
            f.kind(c.kind());
            f.url("apiRoot", c.apiRoot(), "https://media.windows.net/api/");
            if (c.arm() != null) {
                f.url("arm.endpoint", c.arm().endpoint(), "https://management.azure.com/");
                f.url("arm.tokenUrl", c.arm().tokenUrl(), "https://rms.example.com/auth/token");
                f.url("arm.authority", c.arm().authority(), "https://login.microsoftonline.com/");
                f.scheme("arm.streamingScheme", c.arm().streamingScheme());
            }
            if (c.auth() != null) {
                f.url("auth.acsUrl", c.auth().acsUrl(), "https://wamsprodglobal001acs.accesscontrol.windows.net/v2/OAuth2-13");
                f.url("auth.tokenUrl", c.auth().tokenUrl(), "https://login.microsoftonline.com/TENANT/oauth2/token");
            }
            if (c.storage() != null) {
                f.url("storage.blobEndpoint", c.storage().blobEndpoint(), "https://NAME.blob.core.windows.net");
                f.storageKey("storage.key", c.storage().key());
                f.connectionString("storage.connectionString", c.storage().connectionString());
            }
        });
    }

    /** One context's fields, for messages that say where: {@code contexts.a.apiRoot}. */
    private record Field(Path file, String context) {
        void url(String field, String value, String example) {
            if (value != null && !isHttpUrl(value)) {
                throw fail(field, "'" + value + "' is not an http or https URL",
                        "a full URL such as " + example);
            }
        }

        void kind(String value) {
            try {
                Kind.of(value);
            } catch (AmshException e) {
                throw fail("kind", "'" + value + "' is not a kind of context", "v2 or v3 (v2 when left out)");
            }
        }

        void scheme(String field, String value) {
            if (value != null && !value.equalsIgnoreCase("https") && !value.equalsIgnoreCase("http")) {
                throw fail(field, "'" + value + "' is not https or http", "https (the default when left out) or http");
            }
        }

        void storageKey(String field, String value) {
            if (SecretRef.isInline(value) && !value.contains(Redactor.MASK) && !isStorageKey(value)) {
                throw fail(field, "is not a storage account key (base64 text)",
                        "key1 or key2 from the storage account's access keys, or env:VARIABLE");
            }
        }

        void connectionString(String field, String value) {
            if (!SecretRef.isInline(value) || value.contains(Redactor.MASK)) {
                return;
            }
            connectionStringFault(value).ifPresent(fault -> {
                throw switch (fault) {
                    case NOT_ONE -> fail(field, "is not a storage connection string: it lacks AccountName or AccountKey",
                            "DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY, or env:VARIABLE");
                    case KEY_NOT_BASE64 -> fail(field, "has an AccountKey that is not a storage account key (base64 text)",
                            "the connection string from the storage account's access keys, or env:VARIABLE");
                    case ENDPOINT_NOT_URL -> fail(field, "gives a blob endpoint that is not an http or https URL",
                            "a connection string whose BlobEndpoint, DefaultEndpointsProtocol and EndpointSuffix make one");
                };
            });
        }

        private AmshException fail(String field, String problem, String wanted) {
            return new AmshException("contexts file " + file + ": context '" + context + "': " + field + " " + problem,
                    "set contexts." + context + "." + field + " to " + wanted + ", or point --contexts at another file");
        }
    }

    /** What is wrong with a storage connection string given inline. */
    public enum ConnectionStringFault {
        /** no AccountName or no AccountKey */
        NOT_ONE,
        /** an AccountKey that is no base64 text */
        KEY_NOT_BASE64,
        /** a BlobEndpoint (given, or made of protocol, name and suffix) that is no http or https URL */
        ENDPOINT_NOT_URL
    }

    /** An http or https URL with a host, such as an API root or a token URL. */
    public static boolean isHttpUrl(String value) {
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A storage account key as the portal gives it: base64 text. */
    public static boolean isStorageKey(String s) {
        try {
            return !s.isBlank() && Base64.getDecoder().decode(s.strip()).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first thing wrong with a connection string, or nothing when it can work. */
    public static Optional<ConnectionStringFault> connectionStringFault(String value) {
        StorageAccount account;
        try {
            account = StorageAccount.fromConnectionString(value);
        } catch (AmshException e) {
            return Optional.of(ConnectionStringFault.NOT_ONE);
        }
        if (!isStorageKey(account.key())) {
            return Optional.of(ConnectionStringFault.KEY_NOT_BASE64);
        }
        return isHttpUrl(account.blobEndpoint()) ? Optional.empty() : Optional.of(ConnectionStringFault.ENDPOINT_NOT_URL);
    }
}
