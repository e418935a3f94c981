package dev.amsh.browser;

import java.time.Instant;
import java.util.Optional;

/** What a drill does to the pair and asks of the front; the shell gives it through the pair's control endpoint. */
public interface DrillHooks {

    void takeDown(String datacenter);

    void bringUp(String datacenter);

    /** When the front last marked {@code datacenter} degraded, if it is degraded now. */
    Optional<Instant> degradedSince(String datacenter);
}
