package dev.amsh.shell.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a command is: its words ("assets ls"), summary, parameters and options. Help text, completion and
 * parsing are all generated from it, so they cannot disagree. {@code typed} are the options declared as
 * {@link Opt}s: the parser converts their values, and the command reads them with {@link Invocation#get}.
 */
public record CommandSpec(String name, String summary, List<ParamSpec> params, List<OptionSpec> options,
                          String details, List<Opt<?>> typed) {

    /** Options every command takes. */
    public static final List<OptionSpec> COMMON = CommonOptions.ALL.stream().<OptionSpec>map(Opt::spec).toList();

    public CommandSpec {
        List<OptionSpec> all = new ArrayList<>(options);
        List<Opt<?>> allTyped = new ArrayList<>(typed);
        for (Opt<?> c : CommonOptions.ALL) {
            if (all.stream().noneMatch(o -> o.name().equals(c.name()))) {
                all.add(c.spec());
                allTyped.add(c);
            }
        }
        options = List.copyOf(all);
        params = List.copyOf(params);
        typed = List.copyOf(allTyped);
    }

    /** The typed option of that name, when the command declared it as an {@link Opt}. */
    public Optional<Opt<?>> typedOption(String name) {
        return typed.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Whether {@code opt} is one of this command's typed options (the very declaration, not one of the same name). */
    public boolean declares(Opt<?> opt) {
        return typed.stream().anyMatch(o -> o == opt);
    }

    public static Builder of(String name, String summary) {
        return new Builder(name, summary);
    }

    public Optional<OptionSpec> option(String nameOrShort) {
        return options.stream().filter(o -> o.name().equals(nameOrShort) || nameOrShort.equals(o.shortName())).findFirst();
    }

    public String usage() {
        StringBuilder sb = new StringBuilder(name);
        for (ParamSpec p : params) {
            sb.append(" ").append(p.required() ? p.name() : "[" + p.name() + (p.repeated() ? "…" : "") + "]");
        }
        for (OptionSpec o : options) {
            if (!COMMON.contains(o)) {
                sb.append(o.isRequired() ? " " + o.usage() : " [" + o.usage() + "]");
            }
        }
        return sb.toString();
    }

    public String help() {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(" - ").append(summary).append("\n\nusage: ").append(usage()).append('\n');
        if (!params.isEmpty()) {
            sb.append('\n');
            for (ParamSpec p : params) {
                sb.append(String.format("  %-22s %s%n", p.name(), p.help()));
            }
        }
        sb.append('\n');
        for (OptionSpec o : options) {
            String left = (o.shortName() != null ? "-" + o.shortName() + ", " : "") + o.usage();
            sb.append(String.format("  %-22s %s%s%n", left, o.help(),
                    o.defaultValue() != null ? " (default " + o.defaultValue() + ")" : ""));
        }
        if (details != null && !details.isBlank()) {
            sb.append('\n').append(details.strip()).append('\n');
        }
        return sb.toString();
    }

    public static final class Builder {
        private final String name;
        private final String summary;
        private final List<ParamSpec> params = new ArrayList<>();
        private final List<OptionSpec> options = new ArrayList<>();
        private final List<Opt<?>> typed = new ArrayList<>();
        private String details = "";

        Builder(String name, String summary) {
            this.name = name;
            this.summary = summary;
        }

        public Builder param(ParamSpec p) {
            params.add(p);
            return this;
        }

        /** A typed option: its spec for help and completion, its conversion for the parser. */
        public Builder option(Opt<?> o) {
            options.add(o.spec());
            typed.add(o);
            return this;
        }

        /** Typed options shared by several commands ({@code --concurrency}, {@code --from}/{@code --to}). */
        public Builder typedOptions(List<? extends Opt<?>> all) {
            all.forEach(this::option);
            return this;
        }

        public Builder details(String d) {
            this.details = d;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(name, summary, params, options, details, typed);
        }
    }
}
