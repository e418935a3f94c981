package dev.amsh.shell.commands;

import dev.amsh.shell.BackgroundWork;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.render.TextView;

import java.time.Duration;
import java.util.List;

/** {@code bg}: the lines started with a trailing {@code &}, running or finished, and where their results are. */
public final class BackgroundCommand implements ShellCommand {
    public CommandSpec spec() {
        return CommandSpec.of("bg", "list the work started in the background with a trailing & (replicate --all --to b &)")
                .details("""
                        A line that ends with & runs on its own thread and the prompt comes back at once. When it ends,
                        a notice says so above the prompt; its result is kept in bgN (and, for 'r = … &', in r too).""")
                .build();
    }

    public Object run(Invocation inv, ShellControl s) {
        List<BackgroundWork.Job> jobs = s.background().jobs();
        if (jobs.isEmpty()) {
            return "no background work (end a line with & to start some)";
        }
        StringBuilder sb = new StringBuilder();
        for (BackgroundWork.Job j : jobs) {
            Duration took = j.took() != null ? j.took() : Duration.between(j.started(), s.clock().instant());
            sb.append(String.format("[%d] %-8s %5d s  %-6s %s%s%n", j.id(), j.state(), took.toSeconds(), j.variable(), j.line(),
                    j.error() != null ? "  - " + j.error() : ""));
        }
        return new TextView(sb.toString(), jobs);
    }
}
