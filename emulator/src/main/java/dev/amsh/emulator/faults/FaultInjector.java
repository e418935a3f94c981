package dev.amsh.emulator.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Decides, per request, whether and how it fails. One injector serves the whole pair (APIs, origins, storage
 * proxies); the draws come from one seeded generator, so a given plan and request sequence fail alike. Counts
 * what it injected, for {@code local status}.
 */
public final class FaultInjector {
    /** One injected fault, as a log line and for tests. */
    public record Injected(String datacenter, Surface surface, String request, FaultKind kind) {
    }

    private FaultPlan plan = FaultPlan.OFF;
    private Random random = new Random(0);
    private final List<Injected> injected = new ArrayList<>();
    private Consumer<Injected> listener = i -> { };

    /** Told of every fault injected (the pair logs them). */
    public synchronized void onInjected(Consumer<Injected> listener) {
        this.listener = listener;
    }

    public synchronized void set(FaultPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.injected.clear();
    }

    public synchronized FaultPlan plan() {
        return plan;
    }

    public synchronized List<Injected> injected() {
        return List.copyOf(injected);
    }

    private final Map<String, Long> writes = new HashMap<>();

    /**
     * Writes (anything but GET, HEAD and token requests) that reached a datacenter's API or storage so far, faulted
     * or not: a run that has nothing left to do makes none.
     */
    public synchronized long writes(String datacenter) {
        return writes.getOrDefault(datacenter, 0L);
    }

    /** The fault for this request, if one is due. {@code request} is "METHOD /path". */
    public synchronized Optional<FaultKind> draw(String datacenter, Surface surface, String request) {
        if (surface != Surface.ORIGIN && !request.startsWith("GET ") && !request.startsWith("HEAD ")
                && !request.contains(" /acs/") && !request.contains(" /aad/")) { // a token request changes nothing
            writes.merge(datacenter, 1L, Long::sum);
        }
        FaultPlan p = plan;
        if (!p.on() || !p.datacenters().contains(datacenter) || !p.surfaces().contains(surface)
                || (p.match() != null && !request.contains(p.match()))
                || (p.limit() > 0 && injected.size() >= p.limit())) {
            return Optional.empty();
        }
        if (random.nextDouble() >= p.rate()) {
            return Optional.empty();
        }
        List<FaultKind> kinds = new ArrayList<>(p.kinds());
        FaultKind k = kinds.get(random.nextInt(kinds.size()));
        Injected i = new Injected(datacenter, surface, request, k);
        injected.add(i);
        listener.accept(i);
        return Optional.of(k);
    }

    /** A latency to add, drawn from the same generator: 100 to 400 ms. */
    public synchronized long latencyMillis() {
        return 100 + random.nextInt(300);
    }

    public synchronized String status() {
        return plan.describe() + (plan.on() ? " (" + injected.size() + " injected so far)" : "");
    }
}
