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
                .details("Each file is fetched over plain HTTP from <origin>/<locator-guid>/<file> on both sides and compared by\n"
                        + "status, length and SHA-256: what a traffic manager or CDN switching between the origins relies on.\n"
                        + "Exits non-zero (in -c and runbooks) when any file differs.")
                .build();
    }

    public Object run(Invocation inv, Session s) {
        AccountContext from = s.sourceContext(inv);
        AccountContext to = s.contexts().get(inv.requireOption("to"));
        VerifyFailover.Result r = new VerifyFailover(s.contexts().environment().httpWithTrace("origin"))
                .run(from, to, inv.requireParam(0));
        StringBuilder sb = new StringBuilder();
        sb.append(from.name()).append(": ").append(r.pathFrom()).append('\n')
                .append(to.name()).append(": ").append(r.pathTo()).append('\n');
        for (VerifyFailover.FileCheck c : r.files()) {
            sb.append(String.format("  %-4s %-48s %12s  %d/%d%n", c.same() ? "same" : "DIFF", c.file(),
                    c.length() < 0 ? "-" : String.valueOf(c.length()), c.statusFrom(), c.statusTo()));
        }
        if (r.files().isEmpty()) {
            throw new AmshException("the asset has no files to compare", "upload or copy files into it first");
        }
        long differing = r.files().stream().filter(c -> !c.same()).count();
        if (differing > 0) {
            s.console().out().println(s.redactor().redact(sb.toString().stripTrailing()));
            throw new AmshException(differing + " of " + r.files().size() + " files differ between " + from.name() + " and "
                    + to.name(), "re-run 'failover' to finish the replication, then verify again");
        }
        sb.append(r.files().size()).append(" files, the same bytes from both origins");
        return new TextView(sb.toString(), r);
    }
}
