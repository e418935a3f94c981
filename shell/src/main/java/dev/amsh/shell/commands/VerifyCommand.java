package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.AmshException;
import dev.amsh.ops.VerifyFailover;
import dev.amsh.ops.VerifyFromRecord;
import dev.amsh.ops.library.ReplicationJournal;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

/** {@code verify ASSET --to b}: both origins serve the same bytes under the same path. */
public final class VerifyCommand implements Command {
    static final Opt<String> FROM = CommonOptions.FROM;
    static final Opt<String> TO = CommonOptions.TO.required();

    public CommandSpec spec() {
        return CommandSpec.of("verify", "fetch every file of a failed-over asset from both origins and compare them")
                .param(ParamSpec.required("ASSET", ValueKind.ASSET, "the published asset on the source context"))
                .option(FROM)
                .option(TO)
                .details("For every unexpired origin locator, each file is fetched over plain HTTP from <origin>/<locator-guid>/<file>\non both sides and compared by "
                        + "status, length and SHA-256: what a traffic manager or CDN switching between the origins relies on.\n"
                        + "Exits non-zero (in -c and runbooks) when a locator is missing on the target or any file differs.\n"
                        + "When the source does not answer, the target is checked against what amsh recorded of the source\n"
                        + "when it last replicated the asset (each blob's length and MD5, from the journal in ~/.amsh/runs):\n"
                        + "the output says the source was not asked and the record's date; the exit follows what the target holds.\n"
                        + "Any pair of kinds: on a v3 context the files are the container's blobs and the URLs go through its\n"
                        + "streaming endpoint's host; a stopped endpoint is one line saying how to start it.")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) {
        AccountContext from = s.sourceContext(inv);
        AccountContext to = s.contexts().get(inv.require(TO));
        VerifyFailover.Result r;
        try {
            r = new VerifyFailover(s.contexts().environment().httpWithTrace("origin"))
                    .run(from, to, inv.requireParam(0), s.clock().instant());
        } catch (AmsTransportException e) {
            if (!e.getMessage().startsWith("context " + from.name() + ":") || e.getMessage().startsWith("context " + to.name() + ":")) {
                throw e;
            }
            return fromRecord(inv, s, from, to, e);
        }
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

    /** The source does not answer: the target against what amsh recorded of the source when it replicated. */
    private Object fromRecord(Invocation inv, CommandContext s, AccountContext from, AccountContext to, AmsTransportException down) {
        String asset = inv.requireParam(0);
        String why = from.name() + " does not answer (" + down.getMessage().substring(("context " + from.name() + ": ").length()) + ")";
        ReplicationJournal.Recorded record = ReplicationJournal.lastRecord(s.runsDir(), from.name(), to.name(), asset)
                .orElseThrow(() -> new AmshException(why + ", and amsh has no record of " + asset + " replicated to "
                        + to.name() + " in " + s.runsDir(), "verify again once " + from.name() + " answers"));
        VerifyFromRecord.Result r = new VerifyFromRecord(s.contexts().environment().httpWithTrace("origin")).run(to, record);
        StringBuilder sb = new StringBuilder(why).append(": ").append(from.name()).append(" was not asked; ")
                .append(to.name()).append(" is checked against what amsh recorded of ").append(from.name())
                .append(" when it replicated ").append(record.outcome().name()).append(" on ").append(record.at())
                .append(" (run ").append(record.run()).append(")\n");
        sb.append("  ").append(to.name()).append(": asset ").append(r.target().name()).append(" (").append(r.target().id())
                .append("), ").append(r.locatorPaths().size()).append(" origin locator(s)\n");
        for (VerifyFromRecord.FileCheck c : r.files()) {
            String origin = c.served().isEmpty() ? "no origin locator" : "origin " + String.join("/",
                    c.served().stream().map(x -> x == -1 ? "200 (other length)" : String.valueOf(x)).toList());
            sb.append(String.format("    %-4s %-48s %12d  %s%n", c.ok() ? "same" : "DIFF", c.file(), c.recordedLength(),
                    (c.held() ? "held" : c.heldLength() < 0 ? "MISSING on " + to.name() : "held with another length or MD5")
                            + ", " + origin));
        }
        long bad = r.files().stream().filter(c -> !c.ok()).count();
        if (!r.ok()) {
            s.console().out().println(s.redactor().redact(sb.toString().stripTrailing()));
            throw new AmshException((r.files().isEmpty() ? "the record holds no file" : bad + " of " + r.files().size()
                    + " recorded file(s) not held or not served by " + to.name()) + " (" + from.name() + " was not asked)",
                    "re-run 'replicate " + asset + " --to " + to.name() + "' once " + from.name() + " answers, then verify again");
        }
        sb.append(to.name()).append(" holds and serves all ").append(r.files().size()).append(" file(s) as recorded on ")
                .append(record.at()).append("; ").append(from.name()).append(" was not asked");
        return new TextView(sb.toString(), r);
    }
}
