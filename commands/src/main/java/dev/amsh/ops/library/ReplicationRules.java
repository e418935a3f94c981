package dev.amsh.ops.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The WAMS Replicator's rule, kept: an asset whose AlternateId is a JSON object with {@code "replicate":"No"}
 * is left where it is.
 */
public final class ReplicationRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplicationRules() {
    }

    /** The rule on an alternateId of either kind. */
    public static boolean optedOut(String alt) {
        if (alt == null || !alt.trim().startsWith("{")) {
            return false;
        }
        try {
            JsonNode n = JSON.readTree(alt);
            return n.path("replicate").asText("").equalsIgnoreCase("no");
        } catch (Exception e) {
            return false; // not JSON after all: no opinion on replication
        }
    }
}
