package dev.amsh.shell.commands;

import dev.amsh.error.AmshException;
import dev.amsh.shell.Command;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.util.List;
import java.util.Map;

/** {@code alias} and {@code unalias}: short names for lines, kept for every later session. */
public final class AliasCommands {
    private AliasCommands() {
    }

    public static List<Command> all() {
        return List.of(new Alias(), new Unalias());
    }

    static final class Alias implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("alias", "list the aliases, or define one: alias ll='assets ls --top 20'")
                    .param(ParamSpec.optional("NAME=LINE", ValueKind.TEXT, "the alias and the line it stands for (quote the line)"))
                    .param(ParamSpec.repeated("LINE", ValueKind.TEXT, "or the line after the name: alias ll assets ls --top 20"))
                    .details("""
                            An alias stands for the start of a line: 'll --name m*' runs 'assets ls --top 20 --name m*'.
                            Aliases are kept in ~/.amsh/aliases and hold for every later session; 'unalias NAME' removes one.""")
                    .build();
        }

        public Object run(Invocation inv, ShellControl s) {
            List<Object> params = inv.params();
            if (params.isEmpty()) {
                Map<String, String> all = s.aliases().all();
                StringBuilder sb = new StringBuilder();
                all.forEach((k, v) -> sb.append("alias ").append(k).append("='").append(v).append("'\n"));
                return new TextView(all.isEmpty() ? "no aliases (define one: alias ll='assets ls --top 20')" : sb.toString(), all);
            }
            String first = Invocation.text(params.get(0));
            String name;
            StringBuilder line = new StringBuilder();
            int eq = first.indexOf('=');
            if (eq > 0) {
                name = first.substring(0, eq);
                line.append(first.substring(eq + 1));
            } else {
                name = first;
            }
            for (Object p : params.subList(1, params.size())) {
                line.append(line.isEmpty() ? "" : " ").append(Invocation.text(p));
            }
            if (line.isEmpty() && eq < 0) {
                return s.aliases().get(name).map(v -> "alias " + name + "='" + v + "'")
                        .orElseThrow(() -> new AmshException("no alias named " + name, "list them with 'alias'"));
            }
            s.aliases().define(name, line.toString(), s.registry());
            return "alias " + name + "='" + line.toString().strip() + "'";
        }
    }

    static final class Unalias implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("unalias", "remove an alias")
                    .param(ParamSpec.required("NAME", ValueKind.TEXT, "the alias to remove")).build();
        }

        public Object run(Invocation inv, ShellControl s) {
            String name = inv.requireParam(0);
            if (!s.aliases().remove(name)) {
                throw new AmshException("no alias named " + name, "list them with 'alias'");
            }
            return "removed alias " + name;
        }
    }
}
