package dev.amsh.shell.commands;

import dev.amsh.shell.Command;
import dev.amsh.shell.ScriptEngine;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.render.TextView;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code vars} and {@code reset}: what the Groovy session keeps, and forgetting it. */
public final class GroovyStateCommands {
    private GroovyStateCommands() {
    }

    public static List<Command> all() {
        return List.of(new Vars(), new Reset());
    }

    static final class Vars implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("vars", "list the variables, methods, classes and imports defined this session").build();
        }

        public Object run(Invocation inv, ShellControl s) {
            Map<String, Object> variables = s.userVariables();
            ScriptEngine.Definitions defs = s.definitions()
                    .orElse(new ScriptEngine.Definitions(List.of(), List.of(), List.of()));
            StringBuilder sb = new StringBuilder();
            if (!variables.isEmpty()) {
                int w = variables.keySet().stream().mapToInt(String::length).max().orElse(1);
                sb.append("variables\n");
                variables.forEach((k, v) -> sb.append(String.format("  %-" + w + "s  %s%n", k, describe(v))));
            }
            section(sb, "methods", defs.methods());
            section(sb, "classes", defs.classes());
            section(sb, "imports", defs.imports());
            if (sb.isEmpty()) {
                sb.append("nothing defined yet (x = assets ls, def f(n) { n * 2 }, import java.time.Instant)\n");
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("variables", variables.keySet());
            value.put("methods", defs.methods());
            value.put("classes", defs.classes());
            value.put("imports", defs.imports());
            return new TextView(sb.toString(), value);
        }

        private static void section(StringBuilder sb, String title, List<String> lines) {
            if (!lines.isEmpty()) {
                sb.append(title).append('\n');
                lines.forEach(l -> sb.append("  ").append(l).append('\n'));
            }
        }

        private static String describe(Object v) {
            if (v == null) {
                return "null";
            }
            String type = v.getClass().getSimpleName();
            if (v instanceof Collection<?> c) {
                return type + " (" + c.size() + (c.size() == 1 ? " item)" : " items)");
            }
            String text = String.valueOf(v).lines().findFirst().orElse("");
            return type + "  " + (text.length() > 60 ? text.substring(0, 59) + "…" : text);
        }
    }

    static final class Reset implements ShellCommand {
        public CommandSpec spec() {
            return CommandSpec.of("reset", "forget every variable, method, class and import defined this session (contexts stay)").build();
        }

        public Object run(Invocation inv, ShellControl s) {
            int count = s.userVariables().size() + s.definitions().map(d -> {
                return d.methods().size() + d.classes().size() + d.imports().size();
            }).orElse(0);
            s.resetDefinitions();
            return "forgot " + count + (count == 1 ? " definition" : " definitions");
        }
    }
}
