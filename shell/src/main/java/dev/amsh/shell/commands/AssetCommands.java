package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.util.List;

/**
 * {@code assets ls | show | create | rm}, {@code files ls}: the same records on every kind of datacenter
 * ({@link MediaAsset}, {@link MediaFile}, {@link OriginLocator}), so a runbook reads the same fields on v2 and v3.
 */
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
            // the $filter is in the datacenter's own syntax (v2 OData on Name, Options…; v3 ARM on name, properties/created…)
            return s.context(inv).datacenter().assets(new AssetQuery(inv.get(NAME), inv.get(FILTER), inv.get(TOP))).toList();
        }
    }

    /**
     * An asset with its files, its streaming locators and the grants it holds (v2 SAS locators; none on v3). v2
     * counts both kinds of locator against its limit of 5 per asset.
     */
    public record AssetDetails(MediaAsset asset, List<MediaFile> files, List<OriginLocator> locators,
                               List<ContainerGrant> grants) {
    }

    static final class Show implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("assets show", "show an asset with its files and locators")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Datacenter dc = s.context(inv).datacenter();
            MediaAsset a = dc.resolve(inv.requireParam(0));
            AssetDetails d = new AssetDetails(a, dc.files(a), dc.locators(a), dc.grants(a));
            return new TextView(text(dc, d), d);
        }

        static String text(Datacenter dc, AssetDetails d) {
            MediaAsset a = d.asset();
            StringBuilder sb = new StringBuilder();
            sb.append("name      ").append(a.name()).append('\n')
                    .append("id        ").append(a.id()).append('\n');
            if (a.state() != null && !a.state().isEmpty()) {
                sb.append("state     ").append(a.state()).append('\n');
            }
            sb.append("options   ").append(a.encrypted() ? a.options() + " (cannot be replicated)" : a.options()).append('\n')
                    .append("container ").append(a.container()).append('\n');
            if (a.storageAccount() != null) {
                sb.append("storage   ").append(a.storageAccount()).append('\n');
            }
            sb.append("created   ").append(a.created()).append('\n');
            boolean registered = dc.can().registersFiles();
            sb.append("\nfiles (").append(d.files().size()).append(registered ? ")\n" : ", the container's blobs)\n");
            d.files().forEach(f -> sb.append(String.format("  %-48s %12d%s%n", f.name(), f.size(), f.primary() ? "  primary" : "")));
            sb.append('\n').append(dc.kind().locatorNoun()).append("s (").append(d.locators().size()).append(")\n");
            d.locators().forEach(l -> sb.append(String.format("  %s  %s%s  expires %s%n", l.guid(), l.id(),
                    l.policy() == null ? "" : "  " + l.policy(), l.end() == null ? "never" : l.end())));
            if (dc.can().sasLocators()) {
                sb.append("\nSAS locators (").append(d.grants().size()).append("; ")
                        .append(d.locators().size() + d.grants().size()).append(" of 5 locators)\n");
                d.grants().forEach(g -> sb.append(String.format("  %s  expires %s%n", g.id(), g.expires())));
            }
            return sb.toString();
        }
    }

    static final class Create implements Command {
        static final Opt<Integer> OPTIONS = Opt.number("options", 0, 4, "0 None, 1 StorageEncrypted (v2 only)").orElse(0);

        public CommandSpec spec() {
            return CommandSpec.of("assets create", "create an empty asset (and its container)")
                    .param(ParamSpec.required("NAME", ValueKind.TEXT, "asset name"))
                    .option(OPTIONS).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            return s.context(inv).datacenter().createAsset(inv.requireParam(0), inv.get(OPTIONS));
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
            Datacenter dc = ctx.datacenter();
            MediaAsset a = dc.resolve(inv.requireParam(0));
            if (!inv.get(YES)) {
                throw new AmshException("assets rm deletes " + a.name() + " (" + a.id() + ") on " + ctx.name()
                        + " with its files and locators", "add --yes to confirm");
            }
            // locators first: v2 refuses to delete an asset that still has any
            List<ContainerGrant> grants = dc.grants(a);
            for (ContainerGrant g : grants) {
                dc.revoke(g);
            }
            List<OriginLocator> locators = dc.locators(a);
            for (OriginLocator l : locators) {
                dc.unpublish(l);
            }
            dc.deleteAsset(a);
            return "deleted " + a.name() + " (" + a.id() + ") and " + (locators.size() + grants.size()) + " locator(s) on "
                    + ctx.name();
        }
    }

    static final class FilesLs implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("files ls", "list the files registered on an asset (v3: the blobs of its container)")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Datacenter dc = s.context(inv).datacenter();
            return dc.files(dc.resolve(inv.requireParam(0)));
        }
    }
}
