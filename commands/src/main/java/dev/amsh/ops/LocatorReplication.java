package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.ops.Failover.LocatorReplica;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Step 7: every origin locator of the source on the target, each with its own Id, start and expiry. */
final class LocatorReplication {
    private final Clock clock;

    LocatorReplication(Clock clock) {
        this.clock = clock;
    }

    /** {@code present} holds, per locator to replicate, the same Id as already found on the target. */
    List<LocatorReplica> replicate(SourceLocators origins, List<Optional<Locator>> present, AmsClient target, Asset asset) {
        List<LocatorReplica> out = new ArrayList<>();
        Publish publish = new Publish(clock);
        for (int i = 0; i < origins.toReplicate().size(); i++) {
            Locator l = origins.toReplicate().get(i);
            LocatorWindow window = LocatorWindow.of(l, origins.now());
            if (present.get(i).isPresent()) {
                // a clone whose expiry was not set (its MERGE lost, or the run killed between) is finished here
                out.add(new LocatorReplica(l, publish.alignExpiry(l, present.get(i).get(), target), window,
                        LocatorReplica.Outcome.PRESENT));
            } else {
                out.add(new LocatorReplica(l, publish.createClone(l, target, asset), window, LocatorReplica.Outcome.CLONED));
            }
        }
        for (Locator l : origins.expired()) {
            out.add(new LocatorReplica(l, null, LocatorWindow.of(l, origins.now()), LocatorReplica.Outcome.SKIPPED_EXPIRED));
        }
        return out;
    }

    static String describe(List<LocatorReplica> replicas) {
        return replicas.stream().map(r -> r.source().id() + switch (r.outcome()) {
            case CLONED -> r.window().state() == LocatorWindow.State.PENDING ? " (cloned, " + r.window().describe() + ")" : "";
            case PRESENT -> " (already there)";
            case PLANNED -> " (to clone)";
            case SKIPPED_EXPIRED -> " (not replicated: " + r.window().describe() + ")";
        }).collect(Collectors.joining(", "));
    }
}
