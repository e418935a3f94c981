package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.ops.library.AssetOutcome;
import dev.amsh.ops.library.Replicate;
import dev.amsh.ops.library.ReplicateOptions;
import dev.amsh.ops.library.ReplicateReport;
import dev.amsh.ops.library.ReplicationJournal;
import dev.amsh.ops.library.ReplicationProgress;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.FailingResult;
import dev.amsh.shell.render.TextView;
import dev.amsh.storage.CopyOptions;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code replicate}: the whole published library (or a selection) onto the other datacenter, many assets at once. */
public final class ReplicateCommand implements Command {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final Opt<String> FROM = CommonOptions.FROM;
    // not required by the parser: --resume takes the target of the run it continues
    static final Opt<String> TO = CommonOptions.TO;
    static final Opt<Boolean> ALL = Opt.flag("all", "every published asset of the source");
    static final Opt<String> NAME = Opt.text("name", ValueKind.TEXT, "published assets whose name matches a glob (* and ?)");
    static final Opt<String> FILTER = Opt.text("filter", ValueKind.TEXT, "published assets an OData $filter selects");
    static final Opt<Boolean> BOTH_WAYS = Opt.flag("both-ways", "also replicate what only the target has published back to the source");
    static final Opt<Integer> CONCURRENCY = CommonOptions.concurrency("concurrency", "assets at once", ReplicateOptions.DEFAULT_CONCURRENCY);
    static final Opt<Integer> BLOB_CONCURRENCY = CommonOptions.concurrency("blob-concurrency", "blobs at once within each asset",
            ReplicateOptions.DEFAULT_BLOB_CONCURRENCY);
    static final Opt<Integer> MAX_RPS = Opt.number("max-rps", 1, 100_000, "at most this many requests per second to each datacenter");
    static final Opt<Boolean> DRY_RUN = Opt.flag("dry-run", "print the plan per asset and change nothing");
    static final Opt<Boolean> RESUME = Opt.flag("resume", "continue the last run that was killed or stopped, with its selection");

    public CommandSpec spec() {
        return CommandSpec.of("replicate", "replicate every published asset the target lacks or holds differently")
                .param(ParamSpec.repeated("ASSET", ValueKind.ASSET, "assets to replicate (names or Ids); or --all, --name, --filter"))
                .typedOptions(List.of(FROM, TO, ALL, NAME, FILTER, BOTH_WAYS, CONCURRENCY, BLOB_CONCURRENCY, MAX_RPS, DRY_RUN, RESUME))
                .details("""
                        Reads each datacenter once (every asset, locator and file, paged), then per asset lists the two
                        containers and makes only the writes that are missing: target asset, blob copies, CreateFileInfos,
                        the primary file, every origin locator with its Id, start and expiry. An asset whose AlternateId is
                        JSON with "replicate":"No" is skipped. Throttling (429, 503) slows the run down; when a datacenter
                        stops answering the run stops and says so. Each run keeps a journal in ~/.amsh/runs; after a
                        kill, the same command (or 'replicate --resume') continues, and a complete library makes no write.
                        An asset named that is not published is replicated too (blobs and files; it has no locator to
                        clone, and its line says so); a --name or --filter that selects nothing is refused.
                        Exits non-zero when any asset failed or the run stopped.""")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) {
        Optional<ReplicationJournal.Unfinished> resumed = Optional.empty();
        ReplicationJournal.Plan plan;
        if (inv.get(RESUME)) {
            if (!inv.params().isEmpty() || inv.given(NAME) || inv.given(FILTER) || inv.get(ALL)) {
                throw new AmshException("--resume takes the selection of the run it continues",
                        "drop ASSET, --all, --name and --filter, or start a new run without --resume");
            }
            resumed = ReplicationJournal.latestUnfinished(s.runsDir());
            if (resumed.isEmpty()) {
                throw new AmshException("no unfinished replicate run to resume in " + s.runsDir(),
                        "start one: replicate --all --to b");
            }
            plan = resumed.get().plan();
        } else {
            plan = newPlan(inv, s);
            resumed = ReplicationJournal.continued(s.runsDir(), plan);
        }
        AccountContext from = s.contexts().get(plan.from());
        AccountContext to = s.contexts().get(plan.to());
        Integer rps = inv.get(MAX_RPS);
        ReplicateOptions options = new ReplicateOptions(plan.selection(), plan.bothWays(), inv.get(CONCURRENCY),
                rps != null ? rps : plan.maxRps(), inv.get(DRY_RUN),
                CopyOptions.defaults().withConcurrency(inv.get(BLOB_CONCURRENCY)));
        PrintWriter err = s.console().err();
        Optional<ReplicationJournal.Unfinished> continuing = resumed;
        Set<String> finishedBefore = continuing.map(ReplicationJournal.Unfinished::finished).orElse(Set.of());
        ReplicationJournal[] journal = {null};
        Replicate.JournalOpener opener = () -> {
            journal[0] = continuing.map(ReplicationJournal::resume).orElseGet(() -> ReplicationJournal.start(s.runsDir(), plan));
            continuing.ifPresent(u -> err.println("continuing run " + u.plan().run() + " (" + u.finished().size()
                    + " asset(s) finished before it stopped)"));
            return journal[0];
        };
        ReplicateReport report;
        try {
            report = new Replicate(s.clock()).run(from, to, options, opener, finishedBefore, new LiveLine(s), s.cancellation());
        } finally {
            if (journal[0] != null) {
                journal[0].close();
            }
            s.console().progressDone();
        }
        TextView view = new TextView(render(report, options.dryRun()), report);
        if (!report.succeeded()) {
            long failed = report.count(AssetOutcome.Status.FAILED);
            long notRun = report.count(AssetOutcome.Status.NOT_RUN);
            return new FailingResult(view, new AmshException(report.stoppedBecause() != null ? report.stoppedBecause()
                    : failed + " asset(s) failed to replicate" + (notRun > 0 ? ", " + notRun + " not started (cancelled)" : ""),
                    "re-run the same command (or 'replicate --resume'); finished assets and blobs are not done again"));
        }
        return view;
    }

    private ReplicationJournal.Plan newPlan(Invocation inv, CommandContext s) {
        List<String> assets = inv.params().stream().map(Invocation::text).toList();
        boolean all = inv.get(ALL);
        String glob = inv.get(NAME);
        String filter = inv.get(FILTER);
        if (assets.isEmpty() && !all && glob == null && filter == null) {
            throw new AmshException("say which assets to replicate", "name them, or use --all, --name GLOB or --filter ODATA");
        }
        if (all && (!assets.isEmpty() || glob != null || filter != null)) {
            throw new AmshException("--all takes every published asset: it does not combine with ASSET, --name or --filter",
                    "drop --all to replicate a selection");
        }
        if (inv.get(TO) == null) {
            throw new AmshException("replicate needs --to", "say the target context, e.g. --to b");
        }
        AccountContext from = s.sourceContext(inv);
        AccountContext to = s.contexts().get(inv.get(TO));
        if (from.name().equals(to.name())) {
            throw new AmshException("--to " + to.name() + " is the source context", "replicate to the other datacenter");
        }
        Integer rps = inv.get(MAX_RPS);
        String run = RUN_ID.format(s.clock().instant().atZone(ZoneOffset.UTC)) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return new ReplicationJournal.Plan(run, from.name(), to.name(), inv.get(BOTH_WAYS), assets, glob, filter,
                inv.get(CONCURRENCY), rps == null ? 0 : rps, s.clock().instant().toString());
    }

    static String render(ReplicateReport r, boolean dryRun) {
        StringBuilder sb = new StringBuilder();
        for (AssetOutcome o : r.assets()) {
            if (dryRun || o.status() != AssetOutcome.Status.IN_SYNC) {
                sb.append(o.line()).append('\n');
            }
        }
        return sb.append(r.summary()).toString();
    }

    /** The progress line above the prompt, and each failure as it happens. */
    private static final class LiveLine implements Replicate.Listener {
        private final CommandContext s;
        private long lastDraw;
        private long lastPlain;

        LiveLine(CommandContext s) {
            this.s = s;
        }

        @Override
        public synchronized void progress(ReplicationProgress p) {
            long now = System.nanoTime();
            boolean interactive = s.console().interactive();
            if (interactive && now - lastDraw < 100_000_000L && p.finished() < p.total()) {
                return;
            }
            String line = line(p);
            if (interactive) {
                lastDraw = now;
                s.console().progress(line);
            } else if (now - lastPlain >= 5_000_000_000L) {
                lastPlain = now;
                s.console().err().println(line);
                s.console().err().flush();
            }
        }

        @Override
        public synchronized void finished(AssetOutcome o) {
            if (o.status() == AssetOutcome.Status.FAILED) {
                s.console().progressDone();
                s.console().err().println(s.redactor().redact(o.line()));
                s.console().err().flush();
            }
        }

        static String line(ReplicationProgress p) {
            long eta = p.etaSeconds();
            return String.format("  replicate %d/%d assets (%d failed, %d skipped)  %d blobs  %s  %.1f assets/s  ETA %s%s",
                    p.finished(), p.total(), p.failed(), p.skipped(), p.blobs(), ProgressBar.bytes(p.bytes()), p.rate(),
                    eta < 0 ? "-" : eta + " s", p.throttled() > 0 ? "  throttled " + p.throttled() + "x, limit " + p.limit() : "");
        }
    }
}
