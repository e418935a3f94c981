package dev.amsh.ops.library;

import com.azure.storage.blob.models.BlobStorageException;
import dev.amsh.ams.Query;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmsTransportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Stops a bulk run early when a datacenter stops answering, instead of letting every remaining asset spend its
 * retries before failing: the first failure that looks like the network (no answer, a refused connection, a 5xx
 * after retries) makes one probe of each datacenter (a one-asset listing and a storage service call); when a
 * probe fails too, the run stops, naming the datacenter.
 */
final class DatacenterWatch {
    private final List<AccountContext> datacenters;
    private volatile String down;

    DatacenterWatch(List<AccountContext> datacenters) {
        this.datacenters = datacenters;
    }

    /** Why the run must stop, or null while every datacenter answers. */
    String down() {
        return down;
    }

    /** Called with an asset's failure; probes when it looks like an outage. */
    synchronized void failed(Throwable error) {
        if (down != null || !looksLikeOutage(error)) {
            return;
        }
        for (AccountContext dc : datacenters) {
            String problem = probe(dc);
            if (problem != null) {
                down = "datacenter " + dc.name() + " stopped answering (" + problem + ")";
                return;
            }
        }
    }

    static boolean looksLikeOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AmsTransportException || t instanceof IOException || t instanceof UncheckedIOException
                    || (t instanceof AmsServiceException s && s.status() >= 500)
                    || (t instanceof BlobStorageException b && b.getStatusCode() >= 500)) {
                return true;
            }
        }
        return false;
    }

    private static String probe(AccountContext dc) {
        try {
            dc.ams().listAssets(Query.all().top(1)).toList();
        } catch (RuntimeException e) {
            return "Media Services: " + e.getMessage();
        }
        try {
            dc.storage().service().getProperties();
        } catch (RuntimeException e) {
            return "storage: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + firstLine(e.getMessage()));
        }
        return null;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
