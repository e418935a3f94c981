package dev.amsh.shell.commands;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Kind;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Assets;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.util.List;

/** {@code assets ls | show | create | rm}, {@code files ls}. */
public final class AssetCommands {
    private AssetCommands() {
    }

    public static List<Command> all() {
        return List.of(new Ls(), new Show(), new Create(), new Rm(), new FilesLs());
    }

    static final class Ls implements Command {
        static final Opt<String> NAME = Opt.text("name", ValueKind.TEXT, "name glob, e.g. 'movie*' (a prefix is filtered by the service)");
        static final Opt<String> FILTER = Opt.text("filter", ValueKind.TEXT,
                "OData $filter passed to the service, e.g. \"Options eq 0\" (v3: \"properties/created gt 2026-01-01\")");
        static final Opt<Integer> TOP = Opt.number("top", 1, 1_000_000, "at most this many");

        public CommandSpec spec() {
            return CommandSpec.of("assets ls", "list assets").option(NAME).option(FILTER).option(TOP).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            Integer top = inv.get(TOP);
            if (ctx.kind() == Kind.V3) {
                // v3's $filter speaks ARM: name, properties/created, properties/alternateId; paging by nextLink
                return ctx.datacenter().assets(new AssetQuery(inv.get(NAME), inv.get(FILTER), top)).toList();
            }
            return Assets.list(ctx.ams(), inv.get(NAME), inv.get(FILTER), top);
        }
    }

    /** An asset with its files and locators. */
    public record AssetDetails(Asset asset, List<AssetFile> files, List<Locator> locators) {
    }

    static final class Show implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("assets show", "show an asset with its files and locators")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            if (ctx.kind() == Kind.V3) {
                return V3Views.assetDetails(ctx.datacenter(), inv.requireParam(0));
            }
            AmsClient ams = ctx.ams();
            Asset a = Assets.resolve(ams, inv.requireParam(0));
            AssetDetails d = new AssetDetails(a, ams.listFiles(a.id()), ams.listLocatorsOf(a.id()));
            StringBuilder sb = new StringBuilder();
            sb.append("name      ").append(a.name()).append('\n')
                    .append("id        ").append(a.id()).append('\n')
                    .append("state     ").append(a.state()).append('\n')
                    .append("options   ").append(a.storageEncrypted() ? a.options() + " (cannot be replicated)" : a.options()).append('\n')
                    .append("container ").append(a.containerName()).append('\n')
                    .append("uri       ").append(a.uri()).append('\n')
                    .append("created   ").append(a.created()).append('\n');
            sb.append("\nfiles (").append(d.files().size()).append(")\n");
            d.files().forEach(f -> sb.append(String.format("  %-48s %12d%s%n", f.name(), f.contentFileSize(), f.isPrimary() ? "  primary" : "")));
            sb.append("\nlocators (").append(d.locators().size()).append(" of 5)\n");
            d.locators().forEach(l -> sb.append(String.format("  %-14s %s  expires %s%n    %s%n", l.type(), l.id(),
                    l.expirationDateTime(), l.path())));
            return new TextView(sb.toString(), d);
        }
    }

    static final class Create implements Command {
        static final Opt<Integer> OPTIONS = Opt.number("options", 0, 4, "0 None, 1 StorageEncrypted").orElse(0);

        public CommandSpec spec() {
            return CommandSpec.of("assets create", "create an empty asset (and its container)")
                    .param(ParamSpec.required("NAME", ValueKind.TEXT, "asset name"))
                    .option(OPTIONS).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            if (ctx.kind() == Kind.V3) {
                if (inv.get(OPTIONS) != 0) {
                    throw new AmshException("v3 makes no storage-encrypted assets", "leave --options out on " + ctx.name());
                }
                return ctx.datacenter().createAsset(inv.requireParam(0), null);
            }
            return ctx.ams().createAsset(inv.requireParam(0), inv.get(OPTIONS), null);
        }
    }

    static final class Rm implements Command {
        static final Opt<Boolean> YES = Opt.flag("yes", "required: confirms the deletion (it cannot be undone)");

        public CommandSpec spec() {
            return CommandSpec.of("assets rm", "delete an asset: its locators first, then the asset and its container")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id"))
                    .option(YES).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            if (ctx.kind() == Kind.V3) {
                return V3Views.removeAsset(ctx.datacenter(), inv.requireParam(0), inv.get(YES));
            }
            Asset a = Assets.resolve(ctx.ams(), inv.requireParam(0));
            if (!inv.get(YES)) {
                throw new AmshException("assets rm deletes " + a.name() + " (" + a.id() + ") on " + ctx.name()
                        + " with its files and locators", "add --yes to confirm");
            }
            List<Locator> locators = ctx.ams().listLocatorsOf(a.id());
            for (Locator l : locators) {
                ctx.ams().deleteLocator(l.id());
            }
            ctx.ams().deleteAsset(a.id());
            return "deleted " + a.name() + " (" + a.id() + ") and " + locators.size() + " locator(s) on " + ctx.name();
        }
    }

    static final class FilesLs implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("files ls", "list the files registered on an asset (v3: the blobs of its container)")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext ctx = s.context(inv);
            if (ctx.kind() == Kind.V3) {
                Datacenter dc = ctx.datacenter();
                return dc.files(dc.resolve(inv.requireParam(0))); // v3: the container's blobs
            }
            AmsClient ams = ctx.ams();
            return ams.listFiles(Assets.resolve(ams, inv.requireParam(0)).id());
        }
    }
}
