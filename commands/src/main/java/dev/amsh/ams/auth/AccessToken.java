package dev.amsh.ams.auth;

import java.time.Instant;

/** A bearer token and the instant it stops being accepted. {@link #toString()} never shows the value. */
public record AccessToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
