package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Leftover;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Cleanup;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.render.TextView;

/** {@code cleanup [--on CTX] [--dry-run]}: removes what amsh itself left behind, and nothing else. */
public final class CleanupCommand implements Command {
    static final Opt<Boolean> DRY_RUN = Opt.flag("dry-run", "list them and change nothing");

    public CommandSpec spec() {
        return CommandSpec.of("cleanup", "list and remove leftovers of amsh's own making on a context")
                .option(DRY_RUN)
                .details("""
                        Leftovers: temporary SAS locators of amsh runs (their Name starts with 'amsh-tmp'; removing one also
                        revokes its container ACL entry), access policies amsh made (its reusable 'amsh read-only' ones,
                        run-marked ones, and those of 'sas read|write') that no locator uses, and replica
                        assets (AlternateId {"amshReplicaOf":…}) that hold no locator and either no file or a sibling
                        replica that is in use. Nothing else is touched. A temporary SAS locator of a failover still running
                        would be removed too: run cleanup when no amsh run is in flight. Exits non-zero when a removal failed.
                        On a v3 context only replicas are left to find: v3 has no SAS locators or access policies, and a
                        listContainerSas URL leaves nothing behind.""")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) {
        AccountContext ctx = s.context(inv);
        Cleanup.Result r = new Cleanup().run(ctx.datacenter(), inv.get(DRY_RUN));
        StringBuilder sb = new StringBuilder();
        for (Leftover x : r.found()) {
            String state = r.dryRun() ? "would remove" : r.failures().containsKey(x.id()) ? "FAILED" : "removed";
            sb.append(String.format("%-12s %-20s %s %s: %s%n", state, x.kind().name().toLowerCase().replace('_', ' '),
                    x.id(), x.name() == null ? "" : "'" + x.name() + "'", x.why()));
        }
        sb.append(r.found().isEmpty() ? "nothing of amsh's making is left on " + ctx.name()
                : r.dryRun() ? r.found().size() + " leftover(s) on " + ctx.name() + "; run without --dry-run to remove them"
                : r.removed().size() + " of " + r.found().size() + " leftover(s) removed from " + ctx.name());
        if (!r.clean()) {
            s.console().out().println(s.redactor().redact(sb.toString()));
            throw new AmshException(r.failures().size() + " leftover(s) could not be removed: "
                    + r.failures().values().iterator().next(), "run 'cleanup --on " + ctx.name() + "' again");
        }
        return new TextView(sb.toString(), r);
    }
}
