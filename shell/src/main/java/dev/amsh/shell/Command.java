package dev.amsh.shell;

import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;

/**
 * One shell command: its spec (help, completion, parsing) and what it does, returning a result object. It is
 * handed a {@link CommandContext}, never the session: commands about the shell itself are {@link ShellCommand}s.
 */
public interface Command {
    CommandSpec spec();

    /** What the command does, with its options already converted ({@link Invocation#get}). */
    Object run(Invocation invocation, CommandContext context) throws Exception;
}
