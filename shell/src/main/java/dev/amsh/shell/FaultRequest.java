package dev.amsh.shell;

import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.error.AmshException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code local faults …} as a request to the pair's control endpoint: the options of the shell command and of
 * {@code amsh local faults} become one query string, checked here first so bad input changes nothing.
 */
public final class FaultRequest {
    public static final String USAGE = "local faults --rate 0.1 [--kinds 503,500,reset,lost-response,latency,hang] "
            + "[--seed N] [--on a|b] [--api] [--origin] [--storage] [--match 'POST /api/Assets'] [--limit N] | local faults off";

    private FaultRequest() {
    }

    /** The control path for these option values ({@code off} turns faults off). */
    public static String path(boolean off, Map<String, String> values, List<String> surfaces) {
        if (off) {
            return "/faults/off";
        }
        if (!values.containsKey("rate")) {
            throw new AmshException("local faults needs --rate (a share of requests, e.g. 0.1) or 'off'", "usage: " + USAGE);
        }
        Map<String, String> q = new LinkedHashMap<>(values);
        if (!surfaces.isEmpty()) {
            q.put("surfaces", String.join(",", surfaces));
        }
        try {
            FaultPlan.fromQuery(q); // refuse bad values before anything changes
        } catch (IllegalArgumentException e) {
            throw new AmshException(e.getMessage(), "usage: " + USAGE);
        }
        return "/faults?" + q.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Parses the words after {@code amsh local faults}. */
    public static String fromArgs(List<String> args) {
        if (args.size() == 1 && args.get(0).equals("off")) {
            return path(true, Map.of(), List.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> surfaces = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--api", "--origin", "--storage" -> surfaces.add(a.substring(2));
                case "--rate", "--kinds", "--seed", "--on", "--match", "--limit" -> {
                    if (i + 1 >= args.size()) {
                        throw new AmshException(a + " needs a value", "usage: " + USAGE);
                    }
                    values.put(a.substring(2), args.get(++i));
                }
                default -> throw new AmshException("'" + a + "' is not an option of local faults", "usage: " + USAGE);
            }
        }
        return path(false, values, surfaces);
    }
}
