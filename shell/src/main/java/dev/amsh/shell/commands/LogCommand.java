package dev.amsh.shell.commands;

import dev.amsh.error.AmshException;
import dev.amsh.shell.SessionLog;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code log}: where the session log is, its level, and its last lines. */
public final class LogCommand implements ShellCommand {
    static final Opt<Integer> LINES = Opt.number("lines", 1, 10_000, "how many of the last lines to show").orElse(20);

    public CommandSpec spec() {
        return CommandSpec.of("log", "show the session log's file, level and last lines, or set its level")
                .param(ParamSpec.optional("LEVEL", ValueKind.TEXT, "set the level: off, error, warn, info, debug or trace"))
                .option(LINES)
                .details("""
                        The log (~/.amsh/logs/amsh.0.log, rotated at 5 MB, 5 files kept) has each line run, each command with
                        its time and outcome, error stacks at debug, and every HTTP call at trace, all with secrets masked as
                        in the output. Start amsh with --log-level LEVEL to choose the level from the start (default info).""")
                .build();
    }

    public Object run(Invocation inv, ShellControl s) {
        SessionLog log = s.log();
        String level = inv.param(0);
        if (level != null) {
            log.setLevel(level);
            return "log level is " + log.level() + (log.file() != null ? " (" + log.file() + ")" : "");
        }
        int lines = inv.get(LINES);
        Path file = log.file();
        StringBuilder sb = new StringBuilder("log level " + log.level() + ", file " + (file == null ? "(none)" : file) + "\n");
        if (file != null && Files.exists(file)) {
            try {
                List<String> all = Files.readAllLines(file);
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                throw new AmshException("cannot read " + file + ": " + e.getMessage(), "check the file");
            }
        }
        return sb.toString();
    }
}
