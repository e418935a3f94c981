package dev.amsh.shell.commands;

import dev.amsh.ams.Query;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaJob;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Encode;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.Format;
import dev.amsh.shell.render.TextView;

import java.time.Duration;
import java.util.List;

/** {@code encode ASSET}, {@code jobs ls | show | cancel}, {@code processors ls}: on either kind through the seam. */
public final class JobCommands {
    private JobCommands() {
    }

    public static List<Command> all() {
        return List.of(new EncodeCommand(), new Ls(), new Show(), new Cancel(), new Processors());
    }

    static final class EncodeCommand implements Command {
        static final Opt<String> PRESET = Opt.text("preset", ValueKind.PRESET, "the encoding preset").orElse("Adaptive Streaming");
        static final Opt<String> OUTPUT = Opt.text("output", ValueKind.TEXT, "the output asset's name (default: the input's name + ' - encoded')");
        static final Opt<Format> OUTPUT_FORMAT = Opt.format("output-format", "o", "output format: table, json or tsv");
        static final Opt<Boolean> NO_WAIT = Opt.flag("no-wait", "submit the job and return at once");

        public CommandSpec spec() {
            return CommandSpec.of("encode", "encode an asset with Media Encoder Standard into an adaptive MP4 set")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "input asset name or Id"))
                    .option(PRESET)
                    .option(OUTPUT)
                    .option(OUTPUT_FORMAT)
                    .option(NO_WAIT)
                    .details("Waits with a progress bar; Ctrl-C stops waiting (the job goes on: 'jobs show ID', 'jobs cancel ID').\n"
                            + "On success the output asset's .ism is made primary, as the documented procedure does.\n"
                            + "On v3: a Transform 'AdaptiveStreaming' (the built-in preset; made once, then reused) and a Job\n"
                            + "into an output asset made first; the job's id is its name.\n"
                            + "The result holds the output asset: e = encode movie, then publish ${e.output.id}.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Datacenter dc = s.context(inv).datacenter();
            Encode encode = new Encode(Duration.ofSeconds(1));
            MediaJob job = encode.submit(dc, inv.requireParam(0), inv.get(PRESET), inv.get(OUTPUT));
            if (inv.get(NO_WAIT)) {
                return new TextView("job " + job.id() + " submitted (" + job.state() + ")\n  follow it with: jobs show " + job.id(), job);
            }
            Encode.Result r;
            try {
                r = encode.await(dc, job, p -> s.console().progress(String.format("encode [%s%s] %3.0f%%  %s",
                        "#".repeat((int) (p.progress() / 100 * 24)), "-".repeat(24 - (int) (p.progress() / 100 * 24)),
                        p.progress(), p.state())), () -> s.cancellation().isCancelled());
            } finally {
                s.console().progressDone();
            }
            if (r.job().failed()) {
                throw new AmshException("job " + job.id() + " failed: " + Encode.errors(r.job()),
                        "check the input file; 'jobs show " + job.id() + "' has the details");
            }
            if (!r.job().terminal()) {
                return new TextView("stopped waiting; job " + job.id() + " is " + r.job().state()
                        + "\n  'jobs show " + job.id() + "' follows it, 'jobs cancel " + job.id() + "' stops it", r);
            }
            if (!r.finished()) {
                return new TextView("job " + job.id() + " was canceled", r);
            }
            return new TextView("job " + job.id() + " finished in " + Math.round(r.job().seconds()) + " s\n"
                    + "  output asset " + r.output().name() + "\n  id " + r.output().id(), r);
        }
    }

    static final class Ls implements Command {
        static final Opt<Integer> TOP = Opt.number("top", 1, 1_000_000, "at most this many");

        public CommandSpec spec() {
            return CommandSpec.of("jobs ls", "list encoding jobs").option(TOP).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            return s.context(inv).datacenter().encoding().jobs(inv.get(TOP)).toList();
        }
    }

    static final class Show implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("jobs show", "show a job: state, progress, tasks and errors")
                    .param(ParamSpec.required("JOB", ValueKind.JOB, "job Id (v3: the job's name)")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            MediaJob job = s.context(inv).datacenter().encoding().job(inv.requireParam(0));
            StringBuilder sb = new StringBuilder();
            sb.append("job   ").append(job.id()).append("  ").append(job.name()).append('\n')
                    .append("state ").append(job.state()).append("   running ").append(Math.round(job.seconds())).append(" s\n")
                    .append("  ").append(Math.round(job.progress())).append("%, preset ").append(job.preset());
            if (job.input() != null) {
                sb.append(", input ").append(job.input());
            }
            if (job.output() != null) {
                sb.append(", output ").append(job.output());
            }
            sb.append('\n');
            job.errors().forEach(e -> sb.append("    error ").append(e).append('\n'));
            return new TextView(sb.toString(), job);
        }
    }

    static final class Cancel implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("jobs cancel", "cancel a running job")
                    .param(ParamSpec.required("JOB", ValueKind.JOB, "job Id (v3: the job's name)")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Datacenter dc = s.context(inv).datacenter();
            MediaJob job = dc.encoding().job(inv.requireParam(0));
            if (job.terminal()) {
                throw new AmshException("job " + job.id() + " already " + job.state() + "; nothing to cancel",
                        "'jobs ls' shows the jobs still running");
            }
            dc.encoding().cancelJob(job);
            return "cancel requested for " + job.id() + " (it was " + job.state() + "); 'jobs show " + job.id() + "' follows it";
        }
    }

    static final class Processors implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("processors ls", "list media processors").build();
        }

        public Object run(Invocation inv, CommandContext s) {
            return s.context(inv).ams().listMediaProcessors(Query.all()).toList();
        }
    }
}
