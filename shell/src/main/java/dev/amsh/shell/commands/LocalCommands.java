package dev.amsh.shell.commands;

import dev.amsh.emulator.LocalService;
import dev.amsh.error.AmshException;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.FaultRequest;
import dev.amsh.shell.RunningPair;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code local status | stop NAME | start NAME}: outage rehearsal on the local pair, from inside the shell. */
public final class LocalCommands {
    private LocalCommands() {
    }

    public static List<Command> all(Path dataDir) {
        return List.of(new Control(dataDir, "status"), new Control(dataDir, "stop"), new Control(dataDir, "start"),
                new Faults(dataDir));
    }

    static String control(Path dataDir, String path) {
        try {
            Path running = RunningPair.resolve(dataDir, false, dataDir);
            return LocalService.control(running.resolve(LocalService.ENDPOINTS_FILE), path).map(String::strip)
                    .orElseThrow(() -> new AmshException("no local pair is running from " + dataDir,
                            "start one with 'amsh local up', or run ./amsh with no contexts configured"));
        } catch (IllegalArgumentException e) {
            throw new AmshException(e.getMessage(), "usage: " + FaultRequest.USAGE);
        }
    }

    /** {@code local faults …}: fault injection into the pair's APIs, origins and storage (a bad day, rehearsed). */
    static final class Faults implements Command {
        // the values stay text: FaultRequest checks them, in the same words for 'amsh local faults' and this command
        static final Opt<String> RATE = Opt.text("rate", ValueKind.NUMBER, "share of requests that fail, 0 to 1 (e.g. 0.1)");
        static final Opt<String> KINDS = Opt.text("kinds", ValueKind.TEXT, "comma-separated: 503,500,reset,lost-response,latency,hang (default all)");
        static final Opt<String> SEED = Opt.text("seed", ValueKind.NUMBER, "seed: the same seed fails the same requests").orElse("1");
        static final Opt<Boolean> API = Opt.flag("api", "only the REST APIs (and token endpoints)");
        static final Opt<Boolean> ORIGIN = Opt.flag("origin", "only the origins");
        static final Opt<Boolean> STORAGE = Opt.flag("storage", "only the storage endpoints");
        static final Opt<String> MATCH = Opt.text("match", ValueKind.TEXT, "only requests whose 'METHOD /path' contains this");
        static final Opt<String> LIMIT = Opt.text("limit", ValueKind.NUMBER, "stop after this many faults");

        private final Path dataDir;

        Faults(Path dataDir) {
            this.dataDir = dataDir;
        }

        public CommandSpec spec() {
            return CommandSpec.of("local faults", "inject faults into the local pair (503, 500, resets, lost answers, latency, hangs)")
                    .param(ParamSpec.optional("off", ValueKind.TEXT, "'off' turns faults off"))
                    .option(RATE)
                    .option(KINDS)
                    .option(SEED)
                    .option(API)
                    .option(ORIGIN)
                    .option(STORAGE)
                    .option(MATCH)
                    .option(LIMIT)
                    .details("--on a or --on b limits faults to one datacenter (default both). lost-response applies the\n"
                            + "request, then drops its answer. 'local status' shows what is on; 'local faults off' ends it.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            String first = inv.params().isEmpty() ? null : String.valueOf(inv.params().get(0));
            if (first != null && !first.equals("off")) {
                throw new AmshException("'" + first + "' is not a word of local faults", "say 'local faults off' or give --rate");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Opt<String> o : List.of(RATE, KINDS, SEED, CommonOptions.ON, MATCH, LIMIT)) {
                if (inv.get(o) != null) {
                    values.put(o.name(), inv.get(o));
                }
            }
            List<String> surfaces = new ArrayList<>();
            for (Opt<Boolean> f : List.of(API, ORIGIN, STORAGE)) {
                if (inv.get(f)) {
                    surfaces.add(f.name());
                }
            }
            return control(dataDir, FaultRequest.path(first != null, values, surfaces));
        }
    }

    static final class Control implements Command {
        private final Path dataDir;
        private final String verb;

        Control(Path dataDir, String verb) {
            this.dataDir = dataDir;
            this.verb = verb;
        }

        public CommandSpec spec() {
            CommandSpec.Builder b = CommandSpec.of("local " + verb, switch (verb) {
                case "stop" -> "take one local datacenter's API and origin down (outage rehearsal)";
                case "start" -> "bring a stopped local datacenter back up";
                default -> "show whether each local datacenter is up";
            });
            if (!verb.equals("status")) {
                b.param(ParamSpec.required("DATACENTER", ValueKind.CONTEXT, "a or b"));
            }
            return b.build();
        }

        public Object run(Invocation inv, CommandContext s) {
            String path = verb.equals("status") ? "/status" : "/" + verb + "/" + inv.requireParam(0);
            if (!verb.equals("status") && !inv.requireParam(0).matches("[ab]")) {
                throw new AmshException("the local pair has datacenters a and b, not '" + inv.requireParam(0) + "'", "use a or b");
            }
            return control(dataDir, path);
        }
    }
}
