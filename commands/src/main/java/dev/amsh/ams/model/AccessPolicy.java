package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.amsh.ams.model.ODataJson.*;

/** An access policy: a duration and permissions (1 Read, 2 Write, 4 Delete, 8 List). */
public record AccessPolicy(String id, String name, double durationInMinutes, int permissions, Instant created) {
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int DELETE = 4;
    public static final int LIST = 8;

    public static AccessPolicy from(JsonNode n) {
        return new AccessPolicy(text(n, "Id"), text(n, "Name"), dbl(n, "DurationInMinutes", 0),
                integer(n, "Permissions", 0), date(n, "Created"));
    }

    public String permissionNames() {
        StringBuilder sb = new StringBuilder();
        if ((permissions & READ) != 0) sb.append("Read,");
        if ((permissions & WRITE) != 0) sb.append("Write,");
        if ((permissions & DELETE) != 0) sb.append("Delete,");
        if ((permissions & LIST) != 0) sb.append("List,");
        return sb.length() == 0 ? "None" : sb.substring(0, sb.length() - 1);
    }
}
