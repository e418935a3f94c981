package dev.amsh.shell;

import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;

/**
 * One shell command: its spec (help, completion, parsing) and what it does, returning a result object. It is
 * handed a {@link CommandContext}, never the session: commands about the shell itself are {@link ShellCommand}s.
 */
public interface Command {
    CommandSpec spec();

    /** What the command does; commands not yet moved to the context still implement the session form below. */
    default Object run(Invocation invocation, CommandContext context) throws Exception {
        return run(invocation, (Session) context);
    }

    /**
     * The entry of commands written before {@link CommandContext}: the adapter above hands them the session.
     * It goes once every command takes the context.
     */
    @Deprecated
    default Object run(Invocation invocation, Session session) throws Exception {
        throw new IllegalStateException(spec().name() + " implements no run method");
    }
}
