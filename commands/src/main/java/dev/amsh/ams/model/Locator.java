package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.amsh.ams.model.ODataJson.*;

/** A locator: a SAS URL on the storage container (type 1) or an origin streaming base URL (type 2). */
public record Locator(String id, String name, int type, String assetId, String accessPolicyId, Instant startTime,
                      Instant expirationDateTime, String path, String baseUri, String contentAccessComponent) {
    public static final int SAS = 1;
    public static final int ON_DEMAND_ORIGIN = 2;

    public static Locator from(JsonNode n) {
        return new Locator(text(n, "Id"), text(n, "Name"), integer(n, "Type", 0), text(n, "AssetId"),
                text(n, "AccessPolicyId"), date(n, "StartTime"), date(n, "ExpirationDateTime"), text(n, "Path"),
                text(n, "BaseUri"), text(n, "ContentAccessComponent"));
    }

    public String typeName() {
        return switch (type) {
            case SAS -> "Sas";
            case ON_DEMAND_ORIGIN -> "OnDemandOrigin";
            default -> "None";
        };
    }

    /** The GUID part of the Id, which is also the first path segment of origin URLs. */
    public String guid() {
        return EntityIds.guidOf(id);
    }

    /**
     * The container name from a SAS locator's Path: the procedure takes {@code Uri.Segments[1]}; the last path
     * segment is the same on Azure (host-style) and gives the container on path-style endpoints too.
     */
    public String containerName() {
        String p = path == null ? "" : path.replaceFirst("^[a-z]+://[^/]+", "");
        int q = p.indexOf('?');
        String seg = (q >= 0 ? p.substring(0, q) : p).replaceAll("/+$", "");
        return seg.substring(seg.lastIndexOf('/') + 1);
    }
}
