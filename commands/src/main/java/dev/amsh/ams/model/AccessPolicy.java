package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static dev.amsh.ams.model.ODataJson.*;

/**
 * An access policy: a duration and permissions. {@code permissions} holds the names the tables print
 * ({@code Read}, {@code Read,Write}, {@code None}); the wire's flags (1 Read, 2 Write, 4 Delete, 8 List) are read by
 * {@link #from} and written from the codes below.
 */
public record AccessPolicy(String id, String name, double durationInMinutes, String permissions, Instant created) {
    /** v2's AccessPermissions flags, as CreateAccessPolicy sends them. */
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int DELETE = 4;
    public static final int LIST = 8;

    public static final CodeNames PERMISSIONS = CodeNames.of(Map.of(0, "None", READ, "Read", WRITE, "Write",
            DELETE, "Delete", LIST, "List"));

    public static AccessPolicy from(JsonNode n) {
        return new AccessPolicy(text(n, "Id"), text(n, "Name"), dbl(n, "DurationInMinutes", 0),
                PERMISSIONS.flags(integer(n, "Permissions", 0)), date(n, "Created"));
    }

    /** True when the policy grants exactly the given flags (a read policy is no read-write one). */
    public boolean grantsExactly(int flags) {
        return PERMISSIONS.flags(flags).equals(permissions);
    }
}
