package dev.amsh.datacenter;

/** One entity of amsh's own making that is not needed any more: what {@code cleanup} lists and removes. */
public record Leftover(Kind kind, String id, String name, String why) {
    public enum Kind { TEMPORARY_SAS_LOCATOR, UNUSED_POLICY, EMPTY_REPLICA, DUPLICATE_REPLICA }
}
