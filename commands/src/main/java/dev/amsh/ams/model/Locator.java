package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.amsh.ams.model.ODataJson.*;

/**
 * A locator: a SAS URL on the storage container ({@code Sas}) or an origin streaming base URL
 * ({@code OnDemandOrigin}). {@code type} holds that name, as the tables print it; the wire's numbers are read by
 * {@link #from} and written from the codes {@link #SAS} and {@link #ON_DEMAND_ORIGIN}.
 */
public record Locator(String id, String name, String type, String assetId, String accessPolicyId, Instant startTime,
                      Instant expirationDateTime, String path, String baseUri, String contentAccessComponent) {
    /** v2's LocatorType codes, as CreateLocator and {@code $filter=Type eq …} send them. */
    public static final int SAS = 1;
    public static final int ON_DEMAND_ORIGIN = 2;

    public static final CodeNames TYPES = CodeNames.ordered("None", "Sas", "OnDemandOrigin");

    public static Locator from(JsonNode n) {
        return new Locator(text(n, "Id"), text(n, "Name"), TYPES.name(integer(n, "Type", 0)), text(n, "AssetId"),
                text(n, "AccessPolicyId"), date(n, "StartTime"), date(n, "ExpirationDateTime"), text(n, "Path"),
                text(n, "BaseUri"), text(n, "ContentAccessComponent"));
    }

    /** True for a locator of the given code ({@link #SAS}, {@link #ON_DEMAND_ORIGIN}). */
    public boolean ofType(int typeCode) {
        return TYPES.name(typeCode).equals(type);
    }

    public boolean sas() {
        return ofType(SAS);
    }

    public boolean onDemandOrigin() {
        return ofType(ON_DEMAND_ORIGIN);
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
