package dev.amsh.shell.commands;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.Poller;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.time.Duration;
import java.util.List;

/** {@code endpoints ls | start | stop}: a v3 account's streaming endpoints; start and stop are long-running. */
public final class EndpointCommands {
    private EndpointCommands() {
    }

    public static List<Command> all() {
        return List.of(new Ls(), new Change(true), new Change(false));
    }

    static final class Ls implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("endpoints ls", "list the streaming endpoints (v3): state, host, scale units")
                    .details("A stopped endpoint serves nothing: its locators' URLs answer nothing until 'endpoints start NAME'.\n"
                            + "A v2 account has none to manage: its origin streams as long as a locator is active.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            return s.context(inv).datacenter().endpoints();
        }
    }

    static final class Change implements Command {
        static final Opt<Integer> WAIT = Opt.number("wait", 1, 86_400, "seconds to wait for the operation").orElse(600);

        private final boolean start;

        Change(boolean start) {
            this.start = start;
        }

        public CommandSpec spec() {
            return CommandSpec.of(start ? "endpoints start" : "endpoints stop", start
                            ? "start a streaming endpoint (v3), waiting for it with progress"
                            : "stop a streaming endpoint (v3): its URLs serve nothing until it starts again")
                    .param(ParamSpec.optional("NAME", ValueKind.TEXT, "endpoint name (default: default)"))
                    .option(WAIT)
                    .details("A long-running operation: polled where the service says (Azure-AsyncOperation), as often as its\n"
                            + "Retry-After says. One already " + (start ? "running" : "stopped") + " is left as it is.")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            int wait = inv.get(WAIT);
            String name = inv.param(0) == null ? "default" : inv.param(0);
            Datacenter dc = s.context(inv).datacenter();
            Poller<EndpointState, EndpointState> op = start ? dc.startEndpoint(name) : dc.stopEndpoint(name);
            EndpointState end = op.await(Duration.ofSeconds(wait), p -> {
                s.console().out().println("  " + name + ": " + p.resourceState());
                s.console().out().flush();
            });
            return new TextView("streaming endpoint " + end.name() + " on " + dc.name() + " is " + end.resourceState()
                    + (end.hostName() == null ? "" : " (" + end.hostName() + ")"), end);
        }
    }
}
