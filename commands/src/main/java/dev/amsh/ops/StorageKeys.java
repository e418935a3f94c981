package dev.amsh.ops;

import com.azure.storage.blob.models.BlobStorageException;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;

/**
 * Checks, before anything is created, that a context's storage account takes its key: a wrong key would
 * otherwise surface mid-procedure as pages of SDK text, after an empty target asset was already made.
 */
public final class StorageKeys {
    private StorageKeys() {
    }

    public static void require(AccountContext c) {
        if (!c.hasStorageKeys()) {
            throw new AmshException("context " + c.name() + " has no storage account key, and the copy needs one on both sides",
                    "add it: context add " + c.name() + " … --storage-name NAME --storage-key KEY");
        }
    }

    /** One cheap authenticated call (Get Blob Service Properties). */
    public static void check(AccountContext c) {
        require(c);
        String account = c.storageAccount().name();
        try {
            c.storage().service().getProperties();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 403) {
                throw new AmshException("context " + c.name() + ": storage account " + account + " refused its key (HTTP 403 "
                        + e.getErrorCode() + ")", "check the storage key of context " + c.name()
                        + " ('context show " + c.name() + "'); nothing was changed");
            }
            throw new AmshException("context " + c.name() + ": storage account " + account + " answered HTTP "
                    + e.getStatusCode() + " " + e.getErrorCode(), "retry; nothing was changed");
        } catch (RuntimeException e) {
            if (e instanceof AmshException) {
                throw e;
            }
            throw new AmshException("context " + c.name() + ": storage account " + account + " cannot be reached ("
                    + firstLine(e) + ")", "is the datacenter down? check the network and the blob endpoint of context "
                    + c.name() + "; nothing was changed", e);
        }
    }

    private static String firstLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
