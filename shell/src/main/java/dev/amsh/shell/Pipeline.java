package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.shell.render.Format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's result passed on with {@code |}: into another command, which takes the items as its
 * parameters ({@code assets ls --name 'x*' | replicate --to b}), or into Groovy, which sees it as {@code it}:
 * {@code where { it.name.startsWith('m') }} keeps the items the closure accepts, {@code select name, id}
 * keeps those properties, {@code first 3} the first items, {@code count} their number, and any other Groovy
 * expression gets the value as {@code it} ({@code assets ls | it*.name}).
 */
final class Pipeline {
    private static final Pattern WHERE = Pattern.compile("^where\\s*(\\{.*})$", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("^select\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)$");
    private static final Pattern FIRST = Pattern.compile("^first(?:\\s+(\\d+))?$");

    private final SessionState state;
    private final Dispatcher dispatcher;
    private final Supplier<ScriptEngine> scripts;

    Pipeline(SessionState state, Dispatcher dispatcher, Supplier<ScriptEngine> scripts) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.scripts = scripts;
    }

    /** The stages of a line, split at {@code |} outside quotes, braces, brackets and parentheses ({@code ||} stays). */
    static List<String> stages(String line) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                if (i + 1 < line.length() && line.charAt(i + 1) == '|') {
                    i++;
                    continue;
                }
                out.add(line.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(line.substring(start).strip());
        return out;
    }

    /** Runs the stages in turn; the last prints (a command with its own -o and --query, Groovy as a table). */
    Object run(List<String> stages, boolean print) throws Exception {
        if (stages.stream().anyMatch(String::isEmpty)) {
            throw new AmshException("an empty stage in a pipe", "write what takes the result after each |, e.g. assets ls | count");
        }
        Object value = Dispatcher.unwrap(dispatcher.runCommandLine(stages.get(0), false, List.of()));
        for (int i = 1; i < stages.size(); i++) {
            String stage = stages.get(i);
            boolean last = i == stages.size() - 1;
            if (dispatcher.startsWithCommand(stage)) {
                Object result = dispatcher.runCommandLine(stage, print && last, items(value));
                value = Dispatcher.unwrap(result);
            } else {
                value = groovy(stage, value);
                if (print && last) {
                    state.renderer().print(value, Format.TABLE, state.console().out());
                }
            }
        }
        if (value != null) {
            state.variables().put("_", value);
        }
        return value;
    }

    private static List<Object> items(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof Collection<?> c ? new ArrayList<>(c) : List.of(value);
    }

    private Object groovy(String stage, Object input) {
        String code;
        Matcher m;
        if ((m = WHERE.matcher(stage)).matches()) {
            code = "it.findAll " + m.group(1);
        } else if ((m = SELECT.matcher(stage)).matches()) {
            StringBuilder map = new StringBuilder();
            for (String p : m.group(1).split("\\s*,\\s*")) {
                map.append(map.isEmpty() ? "" : ", ").append(p).append(": e.").append(p);
            }
            code = "(it instanceof Collection ? it : [it]).collect { e -> [" + map + "] }";
        } else if ((m = FIRST.matcher(stage)).matches()) {
            code = "(it instanceof Collection ? it : [it]).take(" + (m.group(1) == null ? "1" : m.group(1)) + ")";
        } else if (stage.equals("count")) {
            code = "(it instanceof Collection ? it : [it]).size()";
        } else {
            code = stage;
        }
        boolean had = state.variables().containsKey("it");
        Object before = state.variables().get("it");
        state.variables().put("it", input);
        try {
            return scripts.get().evaluate(code);
        } finally {
            if (had) {
                state.variables().put("it", before);
            } else {
                state.variables().remove("it");
            }
        }
    }
}
