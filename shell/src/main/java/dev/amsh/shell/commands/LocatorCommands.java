package dev.amsh.shell.commands;

import dev.amsh.ams.Query;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.front.FrontStatus;
import dev.amsh.error.AmshException;
import dev.amsh.ops.LocatorInspection;
import dev.amsh.ops.LocatorWindow;
import dev.amsh.ops.Publishing;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.nio.file.Path;
import java.util.List;

/** Locators and policies: {@code locators ls | rm}, {@code policies ls}, {@code publish}, {@code locator clone}. */
public final class LocatorCommands {
    private LocatorCommands() {
    }

    public static List<Command> all(Path localDataDir) {
        return List.of(new Ls(), new Rm(), new PoliciesLs(), new PublishCommand(), new Clone(), new Inspect(localDataDir));
    }

    static final class Ls implements Command {
        static final Opt<Boolean> EXPIRED = Opt.flag("expired", "only locators whose expiry has passed (they serve nothing)");
        static final Opt<Integer> EXPIRING = Opt.number("expiring", 0, 36_500, "only active locators that expire within DAYS");

        public CommandSpec spec() {
            return CommandSpec.of("locators ls", "list locators with their window: active, pending or expired")
                    .param(ParamSpec.optional("ASSET", ValueKind.ASSET, "asset name or Id"))
                    .option(EXPIRED)
                    .option(EXPIRING)
                    .details("The state is as of now: pending until StartTime, active until ExpirationDateTime, then expired.\n"
                            + "An expired origin locator answers 404 on the origin; 'publish' or 'failover' make a new one.\n"
                            + "These are the locators that stream (v2 origin, v3 streaming locators); v2's SAS locators: 'sas ls'.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            if (inv.get(EXPIRED) && inv.given(EXPIRING)) {
                throw new AmshException("--expired and --expiring select different locators", "use one of them");
            }
            return LocatorViews.ls(s.context(inv).datacenter(), inv.param(0), inv.get(EXPIRED), inv.get(EXPIRING),
                    s.clock().instant());
        }

        /** "active", "expired 3 days ago", "starts in 2 minutes": the window without its dates, which have columns. */
        static String state(LocatorWindow w) {
            String d = w.describe();
            int paren = d.indexOf(" (");
            return w.state() == LocatorWindow.State.ACTIVE ? "active" : paren < 0 ? d : d.substring(0, paren);
        }
    }

    static final class Rm implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("locators rm", "delete a streaming locator (every URL through it stops working)")
                    .param(ParamSpec.required("LOCATOR", ValueKind.LOCATOR, "locator Id, GUID or v3 name")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            return LocatorViews.rm(s.context(inv).datacenter(), inv.requireParam(0));
        }
    }

    static final class PoliciesLs implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("policies ls", "list access policies").build();
        }

        public Object run(Invocation inv, CommandContext s) {
            return s.context(inv).ams().listAccessPolicies(Query.all()).toList();
        }
    }

    static final class PublishCommand implements Command {
        static final Opt<Integer> DAYS = Opt.number("days", 1, 36_500, "how long the locator lives").orElse(30);
        static final Opt<String> ID = Opt.text("id", ValueKind.TEXT, "choose the locator's GUID (v2 nb:lid:UUID:…, v3 streamingLocatorId)");

        public CommandSpec spec() {
            return CommandSpec.of("publish", "create an origin (streaming) locator for an asset, reusing a read-only policy")
                    .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id"))
                    .option(DAYS)
                    .option(ID)
                    .details("An asset that already has an unexpired locator keeps it (unless --id asks for another).\n"
                            + "v2: an origin locator with a reusable read policy; v3: a streaming locator with Predefined_ClearStreamingOnly.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Datacenter dc = s.context(inv).datacenter();
            return LocatorViews.publish(dc, new Publishing(s.clock()).publish(dc, inv.requireParam(0), inv.get(DAYS), inv.get(ID)));
        }
    }

    static final class Clone implements Command {
        static final Opt<String> TO = CommonOptions.TO.required();
        static final Opt<String> ASSET = Opt.text("asset", ValueKind.ASSET, "the replica asset on the target").required();
        static final Opt<Boolean> FORCE = Opt.flag("force", "clone an expired or not-yet-started locator anyway");

        public CommandSpec spec() {
            return CommandSpec.of("locator clone", "create on another context an origin locator with the same Id")
                    .param(ParamSpec.required("LOCATOR", ValueKind.LOCATOR, "origin locator Id on the current (or --on) context (v3: name or streamingLocatorId)"))
                    .option(TO)
                    .option(ASSET)
                    .option(FORCE)
                    .details("The clone has the same Id, start and expiry. Run again on the same asset, it finds the clone\n"
                            + "already there. Refused, with nothing changed, when the Id exists on the target for another\n"
                            + "asset, or when the original is expired or not yet started (unless --force).")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            AccountContext from = s.context(inv);
            AccountContext to = s.contexts().get(inv.require(TO));
            // every pair, either kind: the same GUID, window, policy and content keys
            OriginLocator l = new Publishing(s.clock()).cloneLocator(from.datacenter(), inv.requireParam(0),
                    to.datacenter(), inv.require(ASSET), inv.get(FORCE));
            return new TextView(to.kind().locatorNoun() + " " + LocatorViews.label(l) + " is on " + to.name() + "\npath "
                    + LocatorViews.originPath(to.datacenter(), l), l);
        }
    }

    static final class Inspect implements Command {
        private final Path dataDir;

        Inspect(Path dataDir) {
            this.dataDir = dataDir;
        }

        public CommandSpec spec() {
            return CommandSpec.of("locator inspect", "explain a streaming URL or a locator on every context, with a verdict")
                    .param(ParamSpec.required("URL|LOCATOR", ValueKind.LOCATOR, "a streaming URL, nb:lid:UUID:<guid>, or the GUID"))
                    .details("For each context: the locator with this Id, its asset, policy and window (active, expired 3 days\n"
                            + "ago, starts in 2 minutes), whether the file the URL asks for exists, and what the origin answers\n"
                            + "for that path right now; then one verdict line with the next step. Reads only.\n"
                            + "On a v3 context also the streaming endpoint's state and the paths listPaths gives: a stopped\n"
                            + "endpoint is named as the cause of its 404, as are an expired locator, a missing asset or file.\n"
                            + "A context that cannot sign in or does not answer (a datacenter down) is named on its own line\n"
                            + "with why; the others still answer, and a context serves when its origin answers 200.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            List<AccountContext> contexts = s.contexts().names().stream().map(n -> s.contexts().get(n)).toList();
            LocatorInspection.Report r = new LocatorInspection(s.contexts().environment().http())
                    .inspect(inv.requireParam(0), contexts, s.clock().instant());
            StringBuilder sb = new StringBuilder("locator ").append(r.target().guid());
            if (r.target().file() != null) {
                sb.append(" asks for ").append(r.target().file());
                if (r.target().format() != null) {
                    sb.append(" (").append(r.target().format()).append(')');
                }
            }
            sb.append('\n');
            for (LocatorInspection.Side side : r.sides()) {
                sb.append(side.context()).append(": ");
                if (side.unreachable() != null) {
                    sb.append(side.down() ? "does not answer: " : "could not be read: ").append(side.problem()).append('\n');
                    continue;
                }
                if (!side.has()) {
                    sb.append("no locator with this Id\n");
                    continue;
                }
                sb.append(side.type()).append(" locator on asset ")
                        .append(side.asset() == null ? side.locator().asset() : side.asset().name() + " (" + side.asset().id() + ")")
                        .append(", policy ").append(side.policy() == null ? "(not read)" : side.policy())
                        .append(", ").append(side.window().describe())
                        .append(side.endpoint() == null ? "" : "; streaming endpoint " + side.endpoint().name() + " "
                                + side.endpoint().resourceState())
                        .append(side.unread() == null ? "" : "; " + side.unread()).append('\n');
                if (side.endpoint() != null && !side.paths().isEmpty()) {
                    sb.append("   paths ").append(String.join(", ", side.paths())).append('\n');
                }
                sb.append("   file ").append(side.fileExists() ? "present" : "MISSING").append("; ").append(side.originUrl())
                        .append(" -> ").append(side.originAnswer())
                        .append(side.originReason() == null ? "" : " (" + side.originReason() + ")").append('\n');
            }
            if (r.asGiven() != null) {
                LocatorInspection.Answer g = r.asGiven();
                sb.append("the URL as given answers ").append(g.status())
                        .append(g.servedBy() == null ? "" : " (served by " + g.servedBy() + ")")
                        .append(g.reason() == null ? "" : " (" + g.reason() + ")").append(front(inv.requireParam(0))).append('\n');
            }
            sb.append("verdict: ").append(r.verdict());
            return new TextView(sb.toString(), r);
        }

        /** When the URL is the local pair's front: its mode and where it sends viewers now. */
        private String front(String url) {
            if (dataDir == null) {
                return "";
            }
            try {
                FrontStatus f = FrontCommands.status(dataDir, null);
                return url.startsWith(f.url() + "/") ? "; it is the local pair's front (" + f.settings().mode().word()
                        + " mode, sending viewers to " + f.serving() + ")" : "";
            } catch (AmshException noPair) {
                return "";
            }
        }
    }
}
