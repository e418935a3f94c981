package dev.amsh.browser;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.front.EndpointHealth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/** A drill's hooks on a local pair held in this process (tests and benchmarks); the shell goes through the control endpoint. */
public record LocalPairDrillHooks(LocalPair pair) implements DrillHooks {
    @Override
    public void takeDown(String datacenter) {
        pair.member(datacenter).stop();
    }

    @Override
    public void bringUp(String datacenter) {
        try {
            pair.member(datacenter).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Instant> degradedSince(String datacenter) {
        return pair.front().status().endpoints().stream().filter(h -> h.name().equals(datacenter) && !h.online())
                .map(EndpointHealth::changedAt).findFirst();
    }
}
