package dev.amsh.ops;

import java.util.Optional;

/**
 * The mark of a replica: named after the source's container (the procedure's CreateTargetEmptyAsset), a replica
 * carries {@code {"amshReplicaOf":"<source id>"}} in its alternateId on either kind, so a re-run, a lost answer,
 * {@code replicate}'s pairing and {@code cleanup} all find the same one.
 */
public final class ReplicaTargets {
    private static final String MARK_KEY = "\"amshReplicaOf\":";

    private ReplicaTargets() {
    }

    /** The AlternateId a replica of the source with this Id carries, on either kind. */
    public static String marker(String sourceId) {
        return "{" + MARK_KEY + "\"" + sourceId + "\"}";
    }

    /** The source Id an alternateId of either kind names, if it is amsh's replica mark. */
    public static Optional<String> sourceOf(String s) {
        if (s == null || !s.contains(MARK_KEY)) {
            return Optional.empty();
        }
        int start = s.indexOf('"', s.indexOf(MARK_KEY) + MARK_KEY.length()) + 1;
        int end = s.indexOf('"', start);
        return start > 0 && end > start ? Optional.of(s.substring(start, end)) : Optional.empty();
    }
}
