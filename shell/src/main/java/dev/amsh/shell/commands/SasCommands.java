package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.error.AmshException;
import dev.amsh.ops.ProcedureStep;
import dev.amsh.ops.Publishing;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code sas read | write | ls | rm}: access to an asset's container, the procedure's steps A4-A5 and B3. On v2 a
 * SAS locator with its access policy, which 'sas rm' removes; on v3 a listContainerSas URL, which only expires.
 */
public final class SasCommands {
    private SasCommands() {
    }

    public static List<Command> all() {
        return List.of(new Sas(false), new Sas(true), new Ls(), new Rm());
    }

    /**
     * What a SAS command reports, on either kind; {@code locatorId} is the v2 SAS locator ('sas rm' takes it), empty
     * on v3; the URL's sig= is masked when printed.
     */
    public record SasResult(String context, String locatorId, String containerName, String url, Instant expires) {
    }

    private static final String V3_UNREVOCABLE = "on v3 a container SAS URL (listContainerSas) cannot be revoked: it lapses"
            + " at its expiry, at most 23 hours after it was made";

    static final class Rm implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("sas rm", "remove a SAS locator and its access policy")
                    .param(ParamSpec.required("LOCATOR", ValueKind.LOCATOR, "the SAS locator Id")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            Datacenter dc = ctx.datacenter();
            if (!dc.can().sasLocators()) {
                throw new AmshException(V3_UNREVOCABLE + "; nothing was removed",
                        "to cut every such URL off now, rotate the storage account key that signed it (storage keys 1 and 2 each sign one of the URLs)");
            }
            String given = inv.requireParam(0);
            ContainerGrant g = dc.findGrant(given).orElseThrow(() -> Publishing.find(dc, given).isPresent()
                    ? new AmshException("locator " + given + " is an origin locator, not a SAS locator",
                            "remove origin locators with 'locators rm'")
                    : new AmshException("no locator " + given + " on " + ctx.name(), "list them with 'sas ls'"));
            dc.revoke(g);
            return "removed SAS locator " + g.id() + " and its policy on " + ctx.name();
        }
    }

    static final class Ls implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("sas ls", "list the SAS locators (v2) of an asset or of the account")
                    .param(ParamSpec.optional("ASSET", ValueKind.ASSET, "asset name or Id"))
                    .details("Each one counts against its asset's limit of 5 locators; 'sas rm' removes one with its policy.\n"
                            + "v3 keeps no such entity: a listContainerSas URL is not stored, and the list is empty.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Datacenter dc = s.context(inv).datacenter();
            List<ContainerGrant> grants = inv.param(0) == null ? dc.allGrants().toList() : dc.grants(dc.resolve(inv.requireParam(0)));
            if (!dc.can().sasLocators()) {
                return new TextView("(none: " + V3_UNREVOCABLE + ", and is not stored)", grants);
            }
            if (grants.isEmpty()) {
                return new TextView("(no SAS locators)", grants);
            }
            String row = "%-48s %-44s %-22s %s%n";
            StringBuilder sb = new StringBuilder(String.format(row, "id", "container", "expires", "asset"));
            grants.forEach(g -> sb.append(String.format(row, g.id(), g.container(), g.expires(), g.asset())));
            return new TextView(sb.toString().stripTrailing(), grants);
        }
    }

    static final class Sas implements Command {
        static final Opt<Integer> HOURS = Opt.number("hours", 1, 24 * 365, "how long the SAS lives (v3: at most 23)").orElse(24);
        private final boolean write;

        Sas(boolean write) {
            this.write = write;
        }

        public CommandSpec spec() {
            return CommandSpec.of(write ? "sas write" : "sas read", write
                            ? "create a write SAS locator on an asset's container (" + ProcedureStep.B3.reference() + ")"
                            : "create a read SAS locator on an asset's container (the procedure's steps "
                                    + ProcedureStep.span(ProcedureStep.A4, ProcedureStep.A5) + ")")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id"))
                    .option(HOURS)
                    .details("Prints the container name and the SAS URL (sig masked; --show-secrets at start shows it).\n"
                            + "Remove it with 'sas rm LOCATOR' when done (the locator and its access policy): an asset holds\n"
                            + "at most 5 locators. v3: a listContainerSas URL, which cannot be removed and lapses at its expiry.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            Datacenter dc = ctx.datacenter();
            // a Name of its own, so a lost answer is found by it and no other locator shares the policy
            String name = "amsh sas " + (write ? "write " : "read ") + UUID.randomUUID().toString().substring(0, 8);
            ContainerGrant g = dc.grant(dc.resolve(inv.requireParam(0)), write, Duration.ofHours(inv.get(HOURS)), name);
            SasResult r = new SasResult(ctx.name(), g.id(), g.container(), g.url(), g.expires());
            return new TextView("container " + r.containerName() + "\nurl       " + r.url() + "\nexpires   " + r.expires()
                    + (g.revocable() ? "\nlocator   " + r.locatorId()
                            : "\n(v3: listContainerSas; nothing to remove, it cannot be revoked)"), r);
        }
    }
}
