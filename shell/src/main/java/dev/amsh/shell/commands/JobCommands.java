package dev.amsh.shell.commands;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Job;
import dev.amsh.ams.model.JobTask;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Encode;
import dev.amsh.shell.Command;
import dev.amsh.shell.Session;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.time.Duration;
import java.util.List;

/** {@code encode ASSET}, {@code jobs ls | show | cancel}, {@code processors ls}. */
public final class JobCommands {
    private JobCommands() {
    }

    public static List<Command> all() {
        return List.of(new EncodeCommand(), new Ls(), new Show(), new Cancel(), new Processors());
    }

    static final class EncodeCommand implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("encode", "encode an asset with Media Encoder Standard into an adaptive MP4 set")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "input asset name or Id"))
                    .option(OptionSpec.value("preset", ValueKind.PRESET, "the encoding preset", "Adaptive Streaming"))
                    .option(OptionSpec.value("output", ValueKind.TEXT, "the output asset's name (default: the input's name + ' - encoded')"))
                    .option(new OptionSpec("output-format", "o", true, ValueKind.FORMAT, "output format: table, json or tsv", "table"))
                    .option(OptionSpec.flag("no-wait", "submit the job and return at once"))
                    .details("Waits with a progress bar; Ctrl-C stops waiting (the job goes on: 'jobs show ID', 'jobs cancel ID').\n"
                            + "On success the output asset's .ism is made primary, as the documented procedure does.\n"
                            + "The result holds the output asset: e = encode movie, then publish ${e.output.id}.")
                    .build();
        }

        public Object run(Invocation inv, Session s) {
            AmsClient ams = s.context(inv).ams();
            Encode encode = new Encode(Duration.ofSeconds(1));
            Job job = encode.submit(ams, inv.requireParam(0), inv.option("preset"), inv.option("output"));
            if (inv.flag("no-wait")) {
                return new TextView("job " + job.id() + " submitted (" + job.stateName() + ")\n  follow it with: jobs show " + job.id(), job);
            }
            Encode.Result r;
            try {
                r = encode.await(ams, job.id(), p -> s.console().progress(String.format("encode [%s%s] %3.0f%%  %s",
                        "#".repeat((int) (p.progress() / 100 * 24)), "-".repeat(24 - (int) (p.progress() / 100 * 24)),
                        p.progress(), p.job().stateName())), () -> s.cancellation().isCancelled());
            } finally {
                s.console().progressDone();
            }
            if (r.job().state() == 4) {
                throw new AmshException("job " + job.id() + " failed: " + Encode.errors(r.tasks()),
                        "check the input file; 'jobs show " + job.id() + "' has the details");
            }
            if (!r.job().terminal()) {
                return new TextView("stopped waiting; job " + job.id() + " is " + r.job().stateName()
                        + "\n  'jobs show " + job.id() + "' follows it, 'jobs cancel " + job.id() + "' stops it", r);
            }
            if (r.job().state() == 5) {
                return new TextView("job " + job.id() + " was canceled", r);
            }
            return new TextView("job " + job.id() + " finished in " + Math.round(r.job().runningDuration()) + " s\n"
                    + "  output asset " + r.output().name() + "\n  id " + r.output().id(), r);
        }
    }

    static final class Ls implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("jobs ls", "list encoding jobs")
                    .option(OptionSpec.value("top", ValueKind.NUMBER, "at most this many")).build();
        }

        public Object run(Invocation inv, Session s) {
            Integer top = inv.intOption("top", 1, 1_000_000);
            return s.context(inv).ams().listJobs(top == null ? Query.all() : Query.all().top(top)).toList();
        }
    }

    /** A job with its tasks. */
    public record JobDetails(Job job, List<JobTask> tasks) {
    }

    static final class Show implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("jobs show", "show a job: state, progress, tasks and errors")
                    .param(ParamSpec.required("JOB", ValueKind.JOB, "job Id")).build();
        }

        public Object run(Invocation inv, Session s) {
            AmsClient ams = s.context(inv).ams();
            Job job = ams.getJob(inv.requireParam(0));
            List<JobTask> tasks = ams.listTasks(job.id());
            StringBuilder sb = new StringBuilder();
            sb.append("job   ").append(job.id()).append("  ").append(job.name()).append('\n')
                    .append("state ").append(job.stateName()).append("   running ").append(Math.round(job.runningDuration())).append(" s\n");
            for (JobTask t : tasks) {
                sb.append("  task ").append(t.name()).append(": ").append(Job.stateName(t.state())).append(", ")
                        .append(Math.round(t.progress())).append("%, preset ").append(t.configuration()).append('\n');
                t.errorDetails().forEach(e -> sb.append("    error ").append(e.code()).append(": ").append(e.message()).append('\n'));
            }
            return new TextView(sb.toString(), new JobDetails(job, tasks));
        }
    }

    static final class Cancel implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("jobs cancel", "cancel a running job")
                    .param(ParamSpec.required("JOB", ValueKind.JOB, "job Id")).build();
        }

        public Object run(Invocation inv, Session s) {
            AmsClient ams = s.context(inv).ams();
            Job job = ams.getJob(inv.requireParam(0));
            if (job.terminal()) {
                throw new AmshException("job " + job.id() + " already " + job.stateName() + "; nothing to cancel",
                        "'jobs ls' shows the jobs still running");
            }
            ams.cancelJob(job.id());
            return "cancel requested for " + job.id() + " (it was " + job.stateName() + "); 'jobs show " + job.id() + "' follows it";
        }
    }

    static final class Processors implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("processors ls", "list media processors").build();
        }

        public Object run(Invocation inv, Session s) {
            return s.context(inv).ams().listMediaProcessors(Query.all()).toList();
        }
    }
}
