package dev.amsh.emulator.front;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The front's routing and probing, with Traffic Manager's knobs: probe path, interval, tolerated failures,
 * probe timeout, and the TTL of its answers. Defaults are Traffic Manager's fast probing (10 s, 3 failures,
 * 5 s timeout) with its default 60 s TTL; drills shorten them.
 */
public record FrontSettings(FrontMode mode, String probePath, Duration interval, int toleratedFailures,
                            Duration probeTimeout, Duration ttl) {

    public static FrontSettings defaults() {
        return new FrontSettings(FrontMode.PROXY, "/", Duration.ofSeconds(10), 3, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** What Traffic Manager's arithmetic gives for a failover seen through DNS: interval x (failures + 1) + TTL. */
    public Duration expectedRedirectDelay() {
        return interval.multipliedBy(toleratedFailures + 1L).plus(ttl);
    }

    /** These settings with {@code changes} applied ({@code mode=proxy}, {@code interval=2s}, …), all checked first. */
    public FrontSettings with(Map<String, String> changes) {
        FrontMode m = mode;
        String path = probePath;
        Duration iv = interval;
        int tolerated = toleratedFailures;
        Duration timeout = probeTimeout;
        Duration t = ttl;
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String v = e.getValue().trim();
            switch (e.getKey()) {
                case "mode" -> m = FrontMode.parse(v).orElseThrow(() -> new IllegalArgumentException(
                        "mode is redirect, proxy or steering, not '" + v + "'"));
                case "probe-path" -> {
                    if (!v.startsWith("/")) {
                        throw new IllegalArgumentException("probe-path starts with '/', as Traffic Manager's does: " + v);
                    }
                    path = v;
                }
                case "interval" -> iv = duration("interval", v, Duration.ofMillis(100));
                case "tolerated-failures" -> {
                    try {
                        tolerated = Integer.parseInt(v);
                    } catch (NumberFormatException ex) {
                        tolerated = -1;
                    }
                    if (tolerated < 0 || tolerated > 9) {
                        throw new IllegalArgumentException("tolerated-failures is 0 to 9, as on Traffic Manager: " + v);
                    }
                }
                case "timeout" -> timeout = duration("timeout", v, Duration.ofMillis(50));
                case "ttl" -> t = duration("ttl", v, Duration.ZERO);
                default -> throw new IllegalArgumentException("unknown front setting '" + e.getKey()
                        + "': mode, probe-path, interval, tolerated-failures, timeout, ttl");
            }
        }
        if (timeout.compareTo(iv) >= 0) {
            throw new IllegalArgumentException("the probe timeout (" + Durations.format(timeout)
                    + ") must be shorter than the interval (" + Durations.format(iv) + ")");
        }
        return new FrontSettings(m, path, iv, tolerated, timeout, t);
    }

    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("mode", mode.word());
        out.put("probe-path", probePath);
        out.put("interval", Durations.format(interval));
        out.put("tolerated-failures", String.valueOf(toleratedFailures));
        out.put("timeout", Durations.format(probeTimeout));
        out.put("ttl", Durations.format(ttl));
        return out;
    }

    private static Duration duration(String name, String v, Duration min) {
        Duration d = Durations.parse(v).orElseThrow(() -> new IllegalArgumentException(
                name + " takes a duration such as 500ms, 2s or 1m, not '" + v + "'"));
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " is at least " + Durations.format(min) + ": " + v);
        }
        return d;
    }
}
