package dev.amsh.shell.commands;

import dev.amsh.emulator.LocalService;
import dev.amsh.error.AmshException;
import dev.amsh.shell.Command;
import dev.amsh.shell.Session;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.nio.file.Path;
import java.util.List;

/** {@code local status | stop NAME | start NAME}: outage rehearsal on the local pair, from inside the shell. */
public final class LocalCommands {
    private LocalCommands() {
    }

    public static List<Command> all(Path dataDir) {
        return List.of(new Control(dataDir, "status"), new Control(dataDir, "stop"), new Control(dataDir, "start"));
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

        public Object run(Invocation inv, Session s) {
            String path = verb.equals("status") ? "/status" : "/" + verb + "/" + inv.requireParam(0);
            if (!verb.equals("status") && !inv.requireParam(0).matches("[ab]")) {
                throw new AmshException("the local pair has datacenters a and b, not '" + inv.requireParam(0) + "'", "use a or b");
            }
            return LocalService.control(dataDir.resolve(LocalService.ENDPOINTS_FILE), path).map(String::strip)
                    .orElseThrow(() -> new AmshException("no local pair is running from " + dataDir,
                            "start one with 'amsh local up', or run ./amsh with no contexts configured"));
        }
    }
}
