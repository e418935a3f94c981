package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.library.AssetOutcome;
import dev.amsh.ops.library.ReplicationJournal;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.Format;
import dev.amsh.shell.render.TextView;
import dev.amsh.storage.CopyOptions;

import java.io.PrintWriter;

/** {@code failover ASSET --from a --to b [--dry-run]}: the whole documented procedure, step by step. */
public final class FailoverCommand implements Command {
    static final Opt<String> FROM = CommonOptions.FROM;
    static final Opt<String> TO = CommonOptions.TO.required();
    static final Opt<Boolean> DRY_RUN = Opt.flag("dry-run", "print the plan and change nothing");
    static final Opt<Boolean> VIA_SAS = Opt.flag("via-sas", "take the SAS-locator steps even when storage keys are at hand");
    static final Opt<Integer> CONCURRENCY = CommonOptions.concurrency("concurrency", "blobs copied at once", CopyOptions.DEFAULT_CONCURRENCY);

    public CommandSpec spec() {
        return CommandSpec.of("failover", "replicate a published asset to another datacenter: same locator Id, same URL path")
                .param(ParamSpec.required("ASSET", ValueKind.ASSET, "the published asset on the source context"))
                .option(FROM)
                .option(TO)
                .option(DRY_RUN)
                .option(VIA_SAS)
                .option(CONCURRENCY)
                .details("""
                        Steps, numbered as the documented procedure numbers them (datacenter A's A1-A6, the failover's
                        B1-B6): A6 the source asset and its origin locators, A4-A5 read SAS on the source (its container
                        name), B2 empty target asset, B3 write SAS on the target, B4 server-side blob copy,
                        B5 CreateFileInfos, B6 every origin locator on the target with its Id, start and expiry (expired
                        ones are reported, not replicated). Temporary SAS locators and their policies are removed even
                        when a step fails; a re-run reuses what an earlier run made. With storage keys at hand A4-A5 and
                        B3, which only learn container names, are skipped and reported so.
                        Any pair of kinds: v2 → v2, v2 → v3 (origin locator nb:lid:UUID:G becomes the streaming locator with
                        streamingLocatorId G, so the URL path is kept), v3 → v3, v3 → v2 (clear locators). On v3 there are
                        no access policies, no SAS locators (A4-A5 and B3 use listContainerSas, with --via-sas or without
                        storage keys) and no CreateFileInfos (B5 is skipped and says why).""")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) {
        AccountContext from = s.sourceContext(inv);
        AccountContext to = s.contexts().get(inv.require(TO));
        DatacenterFailover.Options options = new DatacenterFailover.Options(inv.get(DRY_RUN), inv.get(VIA_SAS),
                CopyOptions.defaults().withConcurrency(inv.get(CONCURRENCY)));
        Format format = inv.format();
        // with -o json or tsv the steps go to stderr, so stdout carries the result alone
        PrintWriter steps = format == Format.TABLE ? s.console().out() : s.console().err();
        DatacenterFailover.Result r;
        try {
            r = new DatacenterFailover(s.clock()).run(from, to, inv.requireParam(0), options, step -> {
                s.console().progressDone();
                steps.println(s.redactor().redact(step.line()));
                steps.flush();
            }, new ProgressBar(s.console(), "  copy"), s.cancellation());
        } finally {
            s.console().progressDone();
        }
        record(s, r, from.name(), to.name());
        if (!r.clean()) {
            // the replica is in place, but a temporary SAS locator still grants access: not a clean run
            s.renderer().print(new TextView(urls(r, to.name()), r), format, s.console().out());
            throw new AmshException("failover done, but " + r.leftovers().size()
                    + " temporary SAS locator(s) could not be removed", "remove them with: "
                    + String.join("; ", r.leftovers()) + " (or 'cleanup')");
        }
        return new TextView(urls(r, to.name()), r);
    }

    /** What the copy showed of the source, for 'verify' when the source does not answer; a record not written is said. */
    private static void record(CommandContext s, DatacenterFailover.Result r, String from, String to) {
        AssetOutcome outcome = r.outcome(from, to);
        if (outcome == null) {
            return;
        }
        try {
            ReplicationJournal.recordFailover(s.runsDir(), outcome, s.clock().instant());
        } catch (AmshException e) {
            s.console().err().println("amsh: " + e.oneLine() + " ('verify' with " + from + " down has no record of this run)");
        }
    }

    private static String urls(DatacenterFailover.Result r, String to) {
        StringBuilder sb = new StringBuilder();
        if (r.dryRun()) {
            sb.append("dry run: nothing was changed\n");
            sb.append("Original Locator Path:   ").append(r.originalUrl()).append('\n');
            sb.append("Replicated Locator Path: (same path on ").append(to).append(" once run)");
        } else {
            sb.append("Original Locator Path:   ").append(r.originalUrl()).append('\n');
            sb.append("Replicated Locator Path: ").append(r.replicatedUrl());
            long more = r.locators().stream().filter(l -> l.replica() != null).count() - 1;
            if (more > 0) {
                sb.append("\n(").append(more).append(" more origin locator(s) replicated with their own Ids: 'locators ls ")
                        .append(r.target().id()).append(" --on ").append(to).append("')");
            }
        }
        return sb.toString();
    }
}
