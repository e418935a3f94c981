package dev.amsh.shell;

import dev.amsh.shell.cli.Invocation;

/** A command about the shell itself (help, history, trace, alias, vars, bg…): it sees {@link ShellControl}. */
public interface ShellCommand extends Command {
    Object run(Invocation invocation, ShellControl shell) throws Exception;

    @Override
    default Object run(Invocation invocation, CommandContext context) throws Exception {
        if (!(context instanceof ShellControl shell)) {
            throw new IllegalStateException(spec().name() + " needs the shell, not only a command context");
        }
        return run(invocation, shell);
    }
}
