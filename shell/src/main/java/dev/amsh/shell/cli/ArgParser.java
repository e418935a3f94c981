package dev.amsh.shell.cli;

import dev.amsh.error.AmshException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the words after a command's name into an {@link Invocation}, refusing what the spec does not know. */
public final class ArgParser {
    private ArgParser() {
    }

    @SuppressWarnings("unchecked")
    public static Invocation parse(CommandSpec spec, List<Object> args) {
        List<Object> params = new ArrayList<>();
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            String s = a instanceof String str ? str : null;
            if (s != null && s.startsWith("-") && s.length() > 1 && !isNumber(s)) {
                String name;
                String inline = null;
                if (s.startsWith("--")) {
                    name = s.substring(2);
                    int eq = name.indexOf('=');
                    if (eq > 0) {
                        inline = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    }
                } else {
                    name = s.substring(1);
                }
                String shown = s.startsWith("--") ? "--" + name : s;
                if (name.equals("show-secrets") || name.equals("debug")) {
                    throw new AmshException(shown + " is a start-up option, not one of " + spec.name(),
                            "start amsh with it: amsh " + shown);
                }
                OptionSpec o = spec.option(name).orElseThrow(() -> new AmshException(
                        "unknown option " + shown + " for " + spec.name(), "usage: " + spec.usage()));
                if (o.takesValue()) {
                    Object value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new AmshException(shown + " needs a value", "usage: " + spec.usage());
                        }
                        value = args.get(++i);
                    }
                    if (spec.typedOption(o.name()).map(Opt::repeated).orElse(false)) {
                        List<Object> all = (List<Object>) options.computeIfAbsent(o.name(), k -> new ArrayList<>());
                        if (value instanceof List<?> many) {
                            all.addAll(many);
                        } else {
                            all.add(value);
                        }
                    } else {
                        options.put(o.name(), value);
                    }
                } else {
                    // --flag=VALUE goes to the flag's conversion, which refuses all but true and false
                    options.put(o.name(), inline == null ? Boolean.TRUE : inline);
                }
            } else {
                params.add(a);
            }
        }
        boolean openEnded = !spec.params().isEmpty() && spec.params().get(spec.params().size() - 1).repeated();
        if (params.size() > spec.params().size() && !openEnded) {
            throw new AmshException("too many arguments for " + spec.name() + ": " + Invocation.text(params.get(spec.params().size())),
                    "usage: " + spec.usage());
        }
        if (!Boolean.TRUE.equals(options.get("help"))) {
            checkTyped(spec, options);
        }
        return new Invocation(spec, params, options);
    }

    /** Typed options are converted now, so a bad value or a missing required one stops the line before the command runs. */
    private static void checkTyped(CommandSpec spec, Map<String, Object> options) {
        for (Opt<?> o : spec.typed()) {
            Object raw = options.get(o.name());
            if (raw == null && o.spec().isRequired()) {
                throw new AmshException(spec.name() + " needs --" + o.name(), "usage: " + spec.usage());
            }
            o.valueOf(raw, spec);
        }
    }

    private static boolean isNumber(String s) {
        return s.matches("-\\d+(\\.\\d+)?");
    }
}
