package dev.amsh.shell.cli;

/** A positional parameter. */
public record ParamSpec(String name, ValueKind kind, boolean required, String help) {
    public static ParamSpec required(String name, ValueKind kind, String help) {
        return new ParamSpec(name, kind, true, help);
    }

    public static ParamSpec optional(String name, ValueKind kind, String help) {
        return new ParamSpec(name, kind, false, help);
    }
}
