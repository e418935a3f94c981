package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.ops.library.AssetComparison;
import dev.amsh.ops.library.Compare;
import dev.amsh.ops.library.CompareReport;
import dev.amsh.ops.library.Drift;
import dev.amsh.ops.library.Selection;
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

import java.util.List;

/** {@code compare a b [ASSET…] [--deep]}: what differs between two datacenters' published libraries. */
public final class CompareCommand implements Command {
    static final Opt<String> NAME = Opt.text("name", ValueKind.TEXT, "only published assets whose name matches a glob");
    static final Opt<Boolean> DEEP = Opt.flag("deep", "also fetch a sample of files from both origins and compare the bytes");
    static final Opt<Boolean> QUICK = Opt.flag("quick", "Media Services objects only (files by registered size): no container listing");
    static final Opt<Integer> CONCURRENCY = CommonOptions.concurrency("concurrency", "containers listed at once", Compare.DEFAULT_CONCURRENCY);

    public CommandSpec spec() {
        return CommandSpec.of("compare", "what differs between two datacenters' published assets; exit 0 only in sync")
                .param(ParamSpec.required("FROM", ValueKind.CONTEXT, "the source context"))
                .param(ParamSpec.required("TO", ValueKind.CONTEXT, "the context holding the replicas"))
                .param(ParamSpec.repeated("ASSET", ValueKind.ASSET, "only these assets of FROM (names or Ids), published or not"))
                .option(NAME)
                .option(DEEP)
                .option(QUICK)
                .option(CONCURRENCY)
                .details("""
                        For every published asset of FROM: missing on TO, locator Ids missing or extra, locator windows that
                        differ, files missing or extra, blobs that differ by length or MD5; and assets TO publishes that
                        have no source on FROM. Each side's Media Services objects are read once (three paged listings),
                        then each asset's two containers (--quick skips the containers: seconds over 10,000 assets, but a
                        blob changed behind Media Services' back goes unseen). Assets whose AlternateId says
                        "replicate":"No" are skipped. An asset named is compared even when it is not published (missing on
                        TO is not in sync); a --name glob that matches no published asset is refused.
                        Exits 0 only when in sync, so a runbook can gate on it; -o json gives every difference.""")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) {
        AccountContext from = s.contexts().get(inv.requireParam(0));
        AccountContext to = s.contexts().get(inv.requireParam(1));
        if (from.name().equals(to.name())) {
            throw new AmshException("compare needs two different contexts, not " + from.name() + " twice", "e.g. compare a b");
        }
        List<String> assets = inv.params().subList(2, inv.params().size()).stream().map(Invocation::text).toList();
        CompareReport r = new Compare(s.clock(), s.contexts().environment().http()).run(from, to, new Compare.Options(
                new Selection(assets, inv.get(NAME), null), inv.get(DEEP), inv.get(QUICK), inv.get(CONCURRENCY)));
        TextView view = new TextView(render(r), r);
        if (!r.inSync()) {
            return new FailingResult(view, new AmshException(from.name() + " and " + to.name() + " are not in sync: "
                    + r.differing().size() + " asset(s) differ",
                    "replicate them: replicate --all --from " + from.name() + " --to " + to.name()
                            + (r.differing().stream().anyMatch(c -> c.status() == AssetComparison.Status.ONLY_ON_TARGET) ? " --both-ways" : "")));
        }
        return view;
    }

    static String render(CompareReport r) {
        StringBuilder sb = new StringBuilder();
        for (AssetComparison c : r.differing()) {
            sb.append(c.status().name().toLowerCase().replace('_', ' ')).append("  ").append(c.name())
                    .append(c.sourceId() == null ? "" : "  " + c.sourceId()).append('\n');
            for (Drift d : c.drifts()) {
                sb.append("    ").append(d.line()).append('\n');
            }
        }
        return sb.append(r.summary()).toString();
    }
}
