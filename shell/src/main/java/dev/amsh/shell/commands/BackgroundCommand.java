package dev.amsh.shell.commands;

import dev.amsh.error.AmshException;
import dev.amsh.shell.BackgroundWork;
import dev.amsh.shell.Command;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.time.Duration;
import java.util.List;

/** {@code bg} and {@code kill %N}: the lines started with a trailing {@code &}, where their results are, and stopping one. */
public final class BackgroundCommand implements ShellCommand {
    public static List<Command> all() {
        return List.of(new BackgroundCommand(), new Kill());
    }

    public CommandSpec spec() {
        return CommandSpec.of("bg", "list the work started in the background with a trailing & (replicate --all --to b &)")
                .details("""
                        A line that ends with & runs on its own thread and the prompt comes back at once. When it ends,
                        a notice says so above the prompt; its result is kept in bgN (and, for 'r = … &', in r too).
                        'kill %N' stops job N.""")
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
            sb.append(String.format("[%d] %-10s %5d s  %-6s %s%s%n", j.id(), j.state(), took.toSeconds(), j.variable(), j.line(),
                    j.error() != null ? "  - " + j.error() : ""));
        }
        return new TextView(sb.toString(), jobs);
    }

    /** {@code kill %N}, as in a POSIX shell: the job's command stops as on Ctrl-C, a Groovy loop is interrupted. */
    static final class Kill implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("kill", "stop a line running in the background: kill %N (N as 'bg' lists it)")
                    .param(ParamSpec.required("%N", ValueKind.TEXT, "the background job, %1 or 1"))
                    .details("""
                            The job's command stops as it does on Ctrl-C at the prompt (replicate keeps its journal, so
                            'replicate --resume' picks up where it stopped); Groovy running in the job is interrupted.
                            A notice says when it has stopped, and 'bg' lists it as cancelled.""")
                    .build();
        }

        public Object run(Invocation inv, ShellControl s) {
            String given = inv.requireParam(0);
            String digits = given.startsWith("%") ? given.substring(1) : given;
            if (!digits.matches("\\d{1,9}")) {
                throw new AmshException("kill takes a background job, %N, not '" + given + "'", "'bg' lists them: kill %1");
            }
            BackgroundWork.Job job = s.background().cancel(Integer.parseInt(digits));
            return "[" + job.id() + "] cancelling: " + job.line();
        }
    }
}
