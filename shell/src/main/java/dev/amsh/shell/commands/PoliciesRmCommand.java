package dev.amsh.shell.commands;

import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.ops.PolicyRemoval;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

/** {@code policies rm POLICY [--force]}: one access policy, refused while a locator uses it. */
public final class PoliciesRmCommand implements Command {
    static final Opt<Boolean> FORCE = Opt.flag("force", "delete it even though locators use it (they are named)");

    public CommandSpec spec() {
        return CommandSpec.of("policies rm", "delete an access policy that no locator uses")
                .param(ParamSpec.required("POLICY", ValueKind.TEXT, "access policy Id (nb:pid:UUID:… or the GUID)"))
                .option(FORCE)
                .details("Refused, with nothing changed, while a locator uses the policy: the refusal names the locators\n"
                        + "('sas rm' removes a SAS locator with its policy). 'cleanup' finds the policies amsh made that no\n"
                        + "locator uses and removes them all.")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) {
        AccountContext ctx = s.context(inv);
        PolicyRemoval.Removed r = PolicyRemoval.run(ctx.ams(), ctx.name(), inv.requireParam(0), inv.get(FORCE));
        String name = r.policy().name() == null ? "" : " ('" + r.policy().name() + "')";
        return new TextView("deleted access policy " + r.policy().id() + name + " on " + ctx.name()
                + (r.users().isEmpty() ? "" : "; still named by locator(s) " + String.join(", ",
                r.users().stream().map(Locator::id).toList())), r);
    }
}
