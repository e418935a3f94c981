package dev.amsh.shell.commands;

import dev.amsh.emulator.LocalService;
import dev.amsh.emulator.front.Durations;
import dev.amsh.emulator.front.EndpointHealth;
import dev.amsh.emulator.front.FrontMode;
import dev.amsh.emulator.front.FrontSettings;
import dev.amsh.emulator.front.FrontStatus;
import dev.amsh.emulator.front.FrontStatusJson;
import dev.amsh.error.AmshException;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.RunningPair;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code front status | set}: the local pair's front over both origins (its traffic manager or CDN). */
public final class FrontCommands {
    static final Opt<FrontMode> MODE = Opt.oneOf("mode", FrontMode.class,
            "redirect (DNS, with its TTL), proxy (retries on the next origin) or steering");
    static final Opt<Duration> INTERVAL = Opt.duration("interval", "probe interval, e.g. 10s (Traffic Manager: 10s or 30s)");
    static final Opt<Integer> TOLERATED_FAILURES = Opt.number("tolerated-failures", 0, 9,
            "failed probes in a row before an origin is degraded (0-9)");
    static final Opt<Duration> TIMEOUT = Opt.duration("timeout", "probe timeout, shorter than the interval, e.g. 5s");
    static final Opt<Duration> TTL = Opt.duration("ttl", "how long a client keeps an answer (DNS TTL), e.g. 60s");
    static final Opt<String> PROBE_PATH = Opt.text("probe-path", ValueKind.TEXT, "the path probed on each origin (default /)");
    /** In the order the front's control endpoint takes them. */
    static final List<Opt<?>> SETTINGS = List.of(MODE, PROBE_PATH, INTERVAL, TOLERATED_FAILURES, TIMEOUT, TTL);

    private FrontCommands() {
    }

    public static List<Command> all(Path dataDir) {
        return List.of(new Status(dataDir), new Set(dataDir));
    }

    /** The front's status from the running pair's control endpoint; {@code query} applies settings first. */
    public static FrontStatus status(Path dataDir, String query) {
        Path running = RunningPair.resolve(dataDir, false, dataDir);
        String path = query == null ? "/front" : "/front/set?" + query;
        try {
            return LocalService.control(running.resolve(LocalService.ENDPOINTS_FILE), path).map(FrontStatusJson::read)
                    .orElseThrow(() -> new AmshException("no local pair is running from " + dataDir,
                            "start one with 'amsh local up', or run ./amsh with no contexts configured"));
        } catch (IllegalArgumentException e) {
            throw new AmshException(e.getMessage(), "see 'help front set'; nothing was changed");
        }
    }

    public static String query(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static TextView view(FrontStatus s, Instant now) {
        FrontSettings st = s.settings();
        StringBuilder sb = new StringBuilder("front ").append(s.url()).append("  mode ").append(st.mode().word())
                .append("  (probe ").append(st.probePath()).append(" every ").append(st.describe().get("interval"))
                .append(", ").append(st.toleratedFailures()).append(" failures tolerated, timeout ")
                .append(st.describe().get("timeout")).append(", TTL ").append(st.describe().get("ttl")).append(")\n");
        sb.append(String.format("%-4s %-8s %-24s %-9s %-8s %s%n", "NAME", "PRIORITY", "ORIGIN", "STATE", "FAILURES", "LAST PROBE"));
        for (EndpointHealth h : s.endpoints()) {
            String last = h.lastProbe() == null ? h.lastResult()
                    : h.lastResult() + " (" + ago(Duration.between(h.lastProbe(), now)) + ")";
            sb.append(String.format("%-4s %-8d %-24s %-9s %-8d %s%n", h.name(), h.priority(), h.origin(),
                    h.online() ? "online" : "degraded", h.consecutiveFailures(), last));
        }
        sb.append("serving: ").append(s.serving()).append(" (a new viewer is sent there; in redirect mode a failover takes up to ")
                .append(st.describe().get("interval")).append(" x ").append(st.toleratedFailures() + 1).append(" + TTL = ")
                .append(seconds(st.expectedRedirectDelay())).append(")");
        return new TextView(sb.toString(), s);
    }

    private static String ago(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms ago" : d.toSeconds() + " s ago";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static final class Status implements Command {
        private final Path dataDir;

        Status(Path dataDir) {
            this.dataDir = dataDir;
        }

        public CommandSpec spec() {
            return CommandSpec.of("front status", "the local pair's front: its mode, each origin's probe results, which one serves")
                    .details("The front is one host over both origins, as a traffic manager or CDN is over the procedure's two\n"
                            + "datacenters. Streaming URLs keep their path: only the host is the front's.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            return view(status(dataDir, null), s.clock().instant());
        }
    }

    static final class Set implements Command {
        private final Path dataDir;

        Set(Path dataDir) {
            this.dataDir = dataDir;
        }

        public CommandSpec spec() {
            return CommandSpec.of("front set", "change the front's mode and its Traffic Manager probe settings")
                    .option(MODE)
                    .option(INTERVAL)
                    .option(TOLERATED_FAILURES)
                    .option(TIMEOUT)
                    .option(TTL)
                    .option(PROBE_PATH)
                    .details("Settings are checked together; a bad one changes nothing. 'front status' shows the result.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Map<String, String> changes = new LinkedHashMap<>();
            for (Opt<?> setting : SETTINGS) {
                Object value = inv.get(setting);
                if (value != null) {
                    // the control endpoint takes the words a person types; the front checks the settings together
                    changes.put(setting.name(), value instanceof Duration d ? Durations.format(d)
                            : value instanceof FrontMode m ? m.word() : String.valueOf(value));
                }
            }
            if (changes.isEmpty()) {
                throw new AmshException("front set needs at least one setting", "e.g. 'front set --mode redirect --interval 2s'");
            }
            return view(status(dataDir, query(changes)), s.clock().instant());
        }
    }
}
