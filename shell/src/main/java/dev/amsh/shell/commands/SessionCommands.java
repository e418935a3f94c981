package dev.amsh.shell.commands;

import dev.amsh.error.AmshException;
import dev.amsh.shell.AmshVersion;
import dev.amsh.shell.Command;
import dev.amsh.shell.ExitRequest;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.util.ArrayList;
import java.util.List;

/** {@code trace}, {@code help}, {@code history}, {@code exit}. */
public final class SessionCommands {
    private SessionCommands() {
    }

    public static List<Command> all() {
        return List.of(new Trace(), new Help(), new History(), new Exit());
    }

    static final class Trace implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("trace", "show every HTTP call: method, URL (secrets masked), status, milliseconds")
                    .param(ParamSpec.optional("on|off", ValueKind.ON_OFF, "switch tracing; without it, say whether it is on"))
                    .build();
        }

        public Object run(Invocation inv, ShellControl s) {
            String v = inv.param(0);
            if (v != null) {
                if (!v.equals("on") && !v.equals("off")) {
                    throw new AmshException("trace takes on or off, not '" + v + "'", "usage: trace on|off");
                }
                s.setTracing(v.equals("on"));
            }
            return "trace is " + (s.tracing() ? "on" : "off");
        }
    }

    static final class Help implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("help", "list the commands, or show one command's help")
                    .param(ParamSpec.optional("COMMAND", ValueKind.COMMAND, "a command, e.g. 'failover' or 'assets'"))
                    .param(ParamSpec.optional("SUBCOMMAND", ValueKind.TEXT, "a subcommand, e.g. 'ls' in 'help assets ls'"))
                    .build();
        }

        public Object run(Invocation inv, ShellControl s) {
            List<String> words = new ArrayList<>();
            for (Object p : inv.params()) {
                words.addAll(List.of(Invocation.text(p).split("\\s+")));
            }
            if (!words.isEmpty()) {
                if (words.size() == 1 && s.registry().isGroup(words.get(0))) {
                    return s.registry().groupHelp(words.get(0));
                }
                return s.registry().match(words).command().spec().help();
            }
            StringBuilder sb = new StringBuilder("amsh " + AmshVersion.version()
                    + " commands (each takes --help, -o table|json|tsv and --on CONTEXT):\n\n");
            for (Command c : s.registry().all()) {
                sb.append(String.format("  %-18s %s%n", c.spec().name(), c.spec().summary()));
            }
            sb.append("""

                    A line that is not a command is Groovy. Keep results in variables and pass them on:
                      x = assets ls
                      copy ${x[0].id} --to b
                    Pipe a result on: assets ls | where { it.name.startsWith('m') } | select name, id, or into a command:
                    assets ls --name 'x*' | replicate --to b. 'vars' lists what this session defined, 'reset' forgets it.
                    alias ll='assets ls --top 20' keeps a short name for later sessions ('alias' lists them).
                    A line ending in & runs in the background: 'bg' lists that work, 'kill %N' stops it.
                    In runbooks every command is a method: assets.ls(top: 5), failover('movie', from: 'a', to: 'b').
                    Tab completes commands, options, context names, asset names and Ids, locator Ids.""");
            return sb.toString();
        }
    }

    static final class History implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("history", "the lines typed this session (secrets masked)").build();
        }

        public Object run(Invocation inv, ShellControl s) {
            StringBuilder sb = new StringBuilder();
            List<String> h = s.history();
            for (int i = 0; i < h.size(); i++) {
                sb.append(String.format("%4d  %s%n", i + 1, h.get(i)));
            }
            return sb.toString();
        }
    }

    static final class Exit implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("exit", "leave amsh")
                    .param(ParamSpec.optional("STATUS", ValueKind.NUMBER, "exit status, 0 to 255 (default 0)")).build();
        }

        public Object run(Invocation inv, ShellControl s) {
            int status = 0;
            if (inv.param(0) != null) {
                try {
                    status = Integer.parseInt(inv.param(0).trim());
                } catch (NumberFormatException e) {
                    throw new AmshException("exit takes a number, not '" + inv.param(0) + "'", "usage: exit [STATUS]");
                }
                if (status < 0 || status > 255) {
                    // a process's status is one byte: 300 would leave as 44
                    throw new AmshException("exit status must be between 0 and 255, not " + status, "usage: exit [STATUS]");
                }
            }
            throw new ExitRequest(status);
        }
    }
}
