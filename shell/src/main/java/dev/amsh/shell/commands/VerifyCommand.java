package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.ops.VerifyFailover;
import dev.amsh.shell.Command;
import dev.amsh.shell.Session;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

/** {@code verify ASSET --to b}: both origins serve the same bytes under the same path. */
public final class VerifyCommand implements Command {
    public CommandSpec spec() {
        return CommandSpec.of("verify", "fetch every file of a failed-over asset from both origins and compare them")
                .param(ParamSpec.required("ASSET", ValueKind.ASSET, "the published asset on the source context"))
                .option(OptionSpec.value("from", ValueKind.CONTEXT, "source context (default: current)"))
                .option(OptionSpec.required("to", ValueKind.CONTEXT, "target context"))
                .details("For every unexpired origin locator, each file is fetched over plain HTTP from <origin>/<locator-guid>/<file>\non both sides and compared by "
                        + "status, length and SHA-256: what a traffic manager or CDN switching between the origins relies on.\n"
                        + "Exits non-zero (in -c and runbooks) when a locator is missing on the target or any file differs.")
                .build();
    }

    public Object run(Invocation inv, Session s) {
        AccountContext from = s.sourceContext(inv);
        AccountContext to = s.contexts().get(inv.requireOption("to"));
        VerifyFailover.Result r = new VerifyFailover(s.contexts().environment().httpWithTrace("origin"))
                .run(from, to, inv.requireParam(0), s.clock().instant());
        StringBuilder sb = new StringBuilder();
        for (VerifyFailover.LocatorCheck l : r.locators()) {
            sb.append("locator ").append(l.locatorId()).append(" (").append(l.window().describe()).append(")\n");
            sb.append("  ").append(from.name()).append(": ").append(l.pathFrom()).append('\n');
            if (l.missing()) {
                sb.append("  ").append(to.name()).append(": MISSING (no locator with this Id)\n");
                continue;
            }
            sb.append("  ").append(to.name()).append(": ").append(l.pathTo()).append('\n');
            for (VerifyFailover.FileCheck c : l.files()) {
                sb.append(String.format("    %-4s %-48s %12s  %d/%d%n", c.same() ? "same" : "DIFF", c.file(),
                        c.length() < 0 ? "-" : String.valueOf(c.length()), c.statusFrom(), c.statusTo()));
            }
        }
        if (r.files().isEmpty() && r.locators().stream().noneMatch(VerifyFailover.LocatorCheck::missing)) {
            throw new AmshException("the asset has no files to compare", "upload or copy files into it first");
        }
        long missing = r.locators().stream().filter(VerifyFailover.LocatorCheck::missing).count();
        long differing = r.files().stream().filter(c -> !c.same()).count();
        if (missing > 0 || differing > 0) {
            s.console().out().println(s.redactor().redact(sb.toString().stripTrailing()));
            throw new AmshException((missing > 0 ? missing + " of " + r.locators().size() + " origin locators missing on "
                    + to.name() + (differing > 0 ? ", " : "") : "") + (differing > 0 ? differing + " of " + r.files().size()
                    + " files differ between " + from.name() + " and " + to.name() : ""),
                    "re-run 'failover " + inv.requireParam(0) + " --to " + to.name() + "' to finish the replication, then verify again");
        }
        sb.append(r.locators().size()).append(" locator(s), ").append(r.files().size())
                .append(" file checks, the same bytes from both origins");
        return new TextView(sb.toString(), r);
    }
}
