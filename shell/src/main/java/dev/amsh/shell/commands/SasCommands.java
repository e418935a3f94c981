package dev.amsh.shell.commands;

import dev.amsh.ams.AmsClient;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Kind;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Assets;
import dev.amsh.ops.SasLocator;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import dev.amsh.ops.ProcedureStep;

import java.time.Duration;
import java.util.List;

/** {@code sas read | write}: the SAS locators of the procedure's steps A4-A5 and B3. */
public final class SasCommands {
    private SasCommands() {
    }

    public static List<Command> all() {
        return List.of(new Sas(false), new Sas(true), new Rm());
    }

    /** What a SAS command reports; the URL's sig= is masked when printed. */
    public record SasResult(String context, String locatorId, String policyId, String containerName, String url) {
    }

    static final class Rm implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("sas rm", "remove a SAS locator and its access policy")
                    .param(ParamSpec.required("LOCATOR", ValueKind.LOCATOR, "the SAS locator Id")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            if (ctx.kind() == Kind.V3) {
                throw new AmshException("on v3 a container SAS URL (listContainerSas) cannot be revoked: it lapses at its expiry,"
                        + " at most 23 hours after it was made; nothing was removed",
                        "to cut every such URL off now, rotate the storage account key that signed it (storage keys 1 and 2 each sign one of the URLs)");
            }
            AmsClient ams = ctx.ams();
            dev.amsh.ams.model.Locator l = ams.findLocator(inv.requireParam(0)).orElseThrow(() -> new dev.amsh.error.AmshException(
                    "no locator " + inv.requireParam(0) + " on " + ctx.name(), "list them with 'locators ls'"));
            if (!l.sas()) {
                throw new dev.amsh.error.AmshException("locator " + l.id() + " is an origin locator, not a SAS locator",
                        "remove origin locators with 'locators rm'");
            }
            ams.deleteLocator(l.id());
            ams.deleteAccessPolicy(l.accessPolicyId());
            return "removed SAS locator " + l.id() + " and its policy on " + ctx.name();
        }
    }

    static final class Sas implements Command {
        static final Opt<Integer> HOURS = Opt.number("hours", 1, 24 * 365, "how long the SAS lives").orElse(24);
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
                            + "at most 5 locators.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Duration lifetime = Duration.ofHours(inv.get(HOURS));
            AccountContext ctx = s.context(inv);
            if (ctx.kind() == Kind.V3) {
                Datacenter dc = ctx.datacenter();
                Duration capped = lifetime.compareTo(Duration.ofHours(23)) > 0 ? Duration.ofHours(23) : lifetime;
                ContainerGrant g = dc.grant(dc.resolve(inv.requireParam(0)), write, capped, null);
                SasResult r = new SasResult(ctx.name(), "", "", g.container(), g.url());
                return new TextView("container " + r.containerName() + "\nurl       " + r.url() + "\nexpires   in "
                        + capped.toHours() + " h (v3: listContainerSas; nothing to remove, it cannot be revoked)", r);
            }
            AmsClient ams = ctx.ams();
            // a Name of its own, so a lost answer is found by it and no other locator shares the policy
            String name = "amsh sas " + (write ? "write " : "read ") + java.util.UUID.randomUUID().toString().substring(0, 8);
            SasLocator sas = SasLocator.create(ctx.name(), ams, Assets.resolve(ams, inv.requireParam(0)), write,
                    lifetime, s.clock(), name);
            SasResult r = new SasResult(ctx.name(), sas.locator().id(), sas.policy().id(), sas.containerName(), sas.url());
            return new TextView("container " + r.containerName() + "\nurl       " + r.url() + "\nlocator   "
                    + r.locatorId(), r);
        }
    }
}
