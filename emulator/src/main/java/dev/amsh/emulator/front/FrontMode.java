package dev.amsh.emulator.front;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the front sends viewers to an origin. */
public enum FrontMode {
    /**
     * Traffic Manager: DNS. Each client (by address) keeps the endpoint it was given for the TTL and reaches only
     * that one, even once it is down; a new answer names the first healthy endpoint by priority.
     */
    REDIRECT,
    /** Front Door or a CDN: a reverse proxy that retries a failed request on the next endpoint. */
    PROXY,
    /** Content steering: manifests list a pathway per origin and a steering server orders them by health. */
    STEERING;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FrontMode> parse(String word) {
        return Arrays.stream(values()).filter(m -> m.word().equalsIgnoreCase(word)).findFirst();
    }
}
