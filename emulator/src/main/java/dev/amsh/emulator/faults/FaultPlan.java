package dev.amsh.emulator.faults;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to inject: a share of requests ({@code rate}), which kinds, where (datacenters and surfaces), seeded so
 * a run is repeatable. {@code match} narrows it to requests whose "METHOD path" contains the text (one write of
 * the procedure), and {@code limit} stops after that many faults (0: no limit).
 */
public record FaultPlan(double rate, Set<FaultKind> kinds, long seed, Set<String> datacenters, Set<Surface> surfaces,
                        String match, int limit) {

    public static final FaultPlan OFF = new FaultPlan(0, EnumSet.noneOf(FaultKind.class), 0, Set.of(),
            EnumSet.noneOf(Surface.class), null, 0);

    public FaultPlan {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("the fault rate is a share of requests, 0 to 1, not " + rate);
        }
        kinds = kinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(kinds);
        surfaces = surfaces.isEmpty() ? EnumSet.noneOf(Surface.class) : EnumSet.copyOf(surfaces);
        datacenters = Set.copyOf(datacenters);
    }

    public boolean on() {
        return rate > 0 && !kinds.isEmpty();
    }

    /**
     * Reads the control endpoint's query parameters: rate, kinds (comma-separated, default all), seed, on
     * (a, b or both), surfaces (api, origin, storage; default all), match, limit.
     */
    public static FaultPlan fromQuery(Map<String, String> q) {
        double rate;
        try {
            rate = Double.parseDouble(q.getOrDefault("rate", "0.1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate takes a share such as 0.1, not '" + q.get("rate") + "'");
        }
        Set<FaultKind> kinds = q.containsKey("kinds") && !q.get("kinds").isBlank()
                ? Arrays.stream(q.get("kinds").split(",")).map(FaultKind::parse).collect(Collectors.toSet())
                : EnumSet.allOf(FaultKind.class);
        Set<Surface> surfaces = q.containsKey("surfaces") && !q.get("surfaces").isBlank()
                ? Arrays.stream(q.get("surfaces").split(",")).map(Surface::parse).collect(Collectors.toSet())
                : EnumSet.allOf(Surface.class);
        String on = q.getOrDefault("on", "");
        Set<String> dcs = on.isBlank() || on.equals("both") ? Set.of("a", "b") : Set.of(on.split(","));
        for (String d : dcs) {
            if (!d.equals("a") && !d.equals("b")) {
                throw new IllegalArgumentException("the local pair has datacenters a and b, not '" + d + "'");
            }
        }
        long seed;
        int limit;
        try {
            seed = Long.parseLong(q.getOrDefault("seed", "1"));
            limit = Integer.parseInt(q.getOrDefault("limit", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed and --limit take whole numbers");
        }
        String match = q.get("match");
        return new FaultPlan(rate, kinds, seed, dcs, surfaces, match == null || match.isBlank() ? null : match, limit);
    }

    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("rate", String.valueOf(rate));
        q.put("kinds", kinds.stream().map(FaultKind::word).collect(Collectors.joining(",")));
        q.put("seed", String.valueOf(seed));
        q.put("on", String.join(",", datacenters.stream().sorted().toList()));
        q.put("surfaces", surfaces.stream().map(Surface::word).collect(Collectors.joining(",")));
        if (match != null) {
            q.put("match", match);
        }
        if (limit > 0) {
            q.put("limit", String.valueOf(limit));
        }
        return q;
    }

    public String describe() {
        if (!on()) {
            return "faults off";
        }
        return "faults on: " + Math.round(rate * 1000) / 10.0 + "% of " + surfaces.stream().map(Surface::word)
                .collect(Collectors.joining("+")) + " requests on " + String.join("+", datacenters.stream().sorted().toList())
                + ", kinds " + kinds.stream().map(FaultKind::word).collect(Collectors.joining(",")) + ", seed " + seed
                + (match == null ? "" : ", only '" + match + "'") + (limit > 0 ? ", at most " + limit : "");
    }
}
