package dev.amsh.browser;

/** One response the page received for the stream: when, what, its status, and the origin that served it. */
public record MediaFetch(long atMillis, String url, int status, String servedBy) {
}
