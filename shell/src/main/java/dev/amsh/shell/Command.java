package dev.amsh.shell;

import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;

/** One shell command: its spec (help, completion, parsing) and what it does, returning a result object. */
public interface Command {
    CommandSpec spec();

    Object run(Invocation invocation, Session session) throws Exception;
}
