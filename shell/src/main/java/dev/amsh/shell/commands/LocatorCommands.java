package dev.amsh.shell.commands;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.ops.Assets;
import dev.amsh.ops.Publish;
import dev.amsh.ops.StreamingUrls;
import dev.amsh.shell.Command;
import dev.amsh.shell.Session;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.util.List;

/** Locators and policies: {@code locators ls | rm}, {@code policies ls}, {@code publish}, {@code locator clone}. */
public final class LocatorCommands {
    private LocatorCommands() {
    }

    public static List<Command> all() {
        return List.of(new Ls(), new Rm(), new PoliciesLs(), new PublishCommand(), new Clone());
    }

    static final class Ls implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("locators ls", "list locators, of one asset or of the account")
                    .param(ParamSpec.optional("ASSET", ValueKind.ASSET, "asset name or Id")).build();
        }

        public Object run(Invocation inv, Session s) {
            AmsClient ams = s.context(inv).ams();
            if (inv.param(0) == null) {
                return ams.listLocators(Query.all()).toList();
            }
            return ams.listLocatorsOf(Assets.resolve(ams, inv.requireParam(0)).id());
        }
    }

    static final class Rm implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("locators rm", "delete a locator (streaming or SAS URLs through it stop working)")
                    .param(ParamSpec.required("LOCATOR", ValueKind.LOCATOR, "locator Id")).build();
        }

        public Object run(Invocation inv, Session s) {
            AccountContext ctx = s.context(inv);
            ctx.ams().deleteLocator(inv.requireParam(0));
            return "deleted locator " + inv.requireParam(0) + " on " + ctx.name();
        }
    }

    static final class PoliciesLs implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("policies ls", "list access policies").build();
        }

        public Object run(Invocation inv, Session s) {
            return s.context(inv).ams().listAccessPolicies(Query.all()).toList();
        }
    }

    /** An origin locator and the streaming URL it gives. */
    public record Published(Locator locator, String streamingUrl) {
    }

    static final class PublishCommand implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("publish", "create an origin (streaming) locator for an asset, reusing a read-only policy")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id"))
                    .option(OptionSpec.value("days", ValueKind.NUMBER, "how long the locator lives", "30"))
                    .option(OptionSpec.value("id", ValueKind.TEXT, "choose the locator Id (GUID or nb:lid:UUID:…)"))
                    .details("An asset that already has an origin locator keeps it (unless --id asks for another).")
                    .build();
        }

        public Object run(Invocation inv, Session s) {
            AmsClient ams = s.context(inv).ams();
            Locator l = new Publish(s.clock()).publish(ams, inv.requireParam(0), inv.intOption("days", 1, 36_500), inv.option("id"));
            List<AssetFile> files = ams.listFiles(l.assetId());
            var manifest = StreamingUrls.manifest(files);
            String url = manifest.map(f -> StreamingUrls.manifestUrl(l, f.name())).orElse(l.path());
            String note = manifest.isPresent() ? ""
                    : "\nnote: the asset has no .ism, so nothing streams; its files download from the path + file name (encode it to stream)";
            return new TextView("origin locator " + l.id() + "\nstreaming URL  " + url + note, new Published(l, url));
        }
    }

    static final class Clone implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("locator clone", "create on another context an origin locator with the same Id")
                    .param(ParamSpec.required("LOCATOR", ValueKind.LOCATOR, "origin locator Id on the current (or --on) context"))
                    .option(OptionSpec.required("to", ValueKind.CONTEXT, "target context"))
                    .option(OptionSpec.required("asset", ValueKind.ASSET, "the replica asset on the target"))
                    .option(OptionSpec.flag("force", "clone an expired or not-yet-started locator anyway"))
                    .details("The clone has the same Id, start and expiry. Run again on the same asset, it finds the clone\n"
                            + "already there. Refused, with nothing changed, when the Id exists on the target for another\n"
                            + "asset, or when the original is expired or not yet started (unless --force).")
                    .build();
        }

        public Object run(Invocation inv, Session s) {
            AccountContext from = s.context(inv);
            AccountContext to = s.contexts().get(inv.requireOption("to"));
            Locator l = new Publish(s.clock()).cloneLocator(from.ams(), inv.requireParam(0), to.ams(),
                    inv.requireOption("asset"), to.name(), inv.flag("force"));
            return new TextView("origin locator " + l.id() + " is on " + to.name() + "\npath " + l.path(), l);
        }
    }
}
