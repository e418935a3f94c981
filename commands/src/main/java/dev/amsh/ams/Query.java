package dev.amsh.ams;

/**
 * OData query options for a list: {@code $filter} passed through verbatim, and an optional overall limit.
 * Paging ({@code $skip}/{@code $top} in pages of at most 1,000) is the client's job, not the caller's.
 */
public record Query(String filter, Integer top) {
    public static final int SERVICE_PAGE_CAP = 1000;

    public static Query all() {
        return new Query(null, null);
    }

    public static Query filter(String filter) {
        return new Query(filter, null);
    }

    public Query top(int n) {
        return new Query(filter, n);
    }

    /** An OData string literal: single quotes doubled. */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
