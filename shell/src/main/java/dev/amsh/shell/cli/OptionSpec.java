package dev.amsh.shell.cli;

import java.util.List;

/** A {@code --name} option: whether it takes a value, what kind, its help and default, and its values when they are few. */
public record OptionSpec(String name, String shortName, boolean takesValue, ValueKind kind, String help,
                         String defaultValue, boolean required, List<String> values) {

    public OptionSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public OptionSpec(String name, String shortName, boolean takesValue, ValueKind kind, String help, String defaultValue,
                      boolean required) {
        this(name, shortName, takesValue, kind, help, defaultValue, required, List.of());
    }

    public OptionSpec(String name, String shortName, boolean takesValue, ValueKind kind, String help, String defaultValue) {
        this(name, shortName, takesValue, kind, help, defaultValue, false);
    }

    /** The same option, completed with these values ({@code --mode redirect|proxy|steering}). */
    public OptionSpec oneOf(List<String> choices) {
        return new OptionSpec(name, shortName, takesValue, kind, help, defaultValue, required, choices);
    }

    public static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, false, ValueKind.TEXT, help, null);
    }

    public static OptionSpec value(String name, ValueKind kind, String help) {
        return new OptionSpec(name, null, true, kind, help, null);
    }

    /** An option the command cannot do without; usage shows it without brackets. */
    public static OptionSpec required(String name, ValueKind kind, String help) {
        return new OptionSpec(name, null, true, kind, help, null, true);
    }

    public boolean isRequired() {
        return required;
    }

    public static OptionSpec value(String name, ValueKind kind, String help, String defaultValue) {
        return new OptionSpec(name, null, true, kind, help, defaultValue);
    }

    public String usage() {
        return "--" + name + (takesValue ? " " + kind.name().replace('_', '-') : "");
    }
}
