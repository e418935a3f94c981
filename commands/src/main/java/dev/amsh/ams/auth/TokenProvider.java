package dev.amsh.ams.auth;

/** Supplies bearer tokens; {@link #invalidate()} forces the next call to fetch a fresh one. */
public interface TokenProvider {
    AccessToken token();

    void invalidate();
}
