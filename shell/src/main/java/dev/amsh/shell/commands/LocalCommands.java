package dev.amsh.shell.commands;

import dev.amsh.emulator.LocalService;
import dev.amsh.error.AmshException;
import dev.amsh.shell.Command;
import dev.amsh.shell.FaultRequest;
import dev.amsh.shell.RunningPair;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.nio.file.Path;
import java.util.List;

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
        private final Path dataDir;

        Faults(Path dataDir) {
            this.dataDir = dataDir;
        }

        public CommandSpec spec() {
            return CommandSpec.of("local faults", "inject faults into the local pair (503, 500, resets, lost answers, latency, hangs)")
                    .param(ParamSpec.optional("off", ValueKind.TEXT, "'off' turns faults off"))
                    .option(OptionSpec.value("rate", ValueKind.NUMBER, "share of requests that fail, 0 to 1 (e.g. 0.1)"))
                    .option(OptionSpec.value("kinds", ValueKind.TEXT, "comma-separated: 503,500,reset,lost-response,latency,hang (default all)"))
                    .option(OptionSpec.value("seed", ValueKind.NUMBER, "seed: the same seed fails the same requests", "1"))
                    .option(OptionSpec.flag("api", "only the REST APIs (and token endpoints)"))
                    .option(OptionSpec.flag("origin", "only the origins"))
                    .option(OptionSpec.flag("storage", "only the storage endpoints"))
                    .option(OptionSpec.value("match", ValueKind.TEXT, "only requests whose 'METHOD /path' contains this"))
                    .option(OptionSpec.value("limit", ValueKind.NUMBER, "stop after this many faults"))
                    .details("--on a or --on b limits faults to one datacenter (default both). lost-response applies the\n"
                            + "request, then drops its answer. 'local status' shows what is on; 'local faults off' ends it.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            String first = inv.params().isEmpty() ? null : String.valueOf(inv.params().get(0));
            if (first != null && !first.equals("off")) {
                throw new AmshException("'" + first + "' is not a word of local faults", "say 'local faults off' or give --rate");
            }
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            for (String o : List.of("rate", "kinds", "seed", "on", "match", "limit")) {
                if (inv.option(o) != null) {
                    values.put(o, inv.option(o));
                }
            }
            List<String> surfaces = new java.util.ArrayList<>();
            for (String f : List.of("api", "origin", "storage")) {
                if (inv.flag(f)) {
                    surfaces.add(f);
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
