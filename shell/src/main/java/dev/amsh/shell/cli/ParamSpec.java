package dev.amsh.shell.cli;

/** A positional parameter; a {@code repeated} one (the last) takes every remaining value. */
public record ParamSpec(String name, ValueKind kind, boolean required, String help, boolean repeated) {
    public static ParamSpec required(String name, ValueKind kind, String help) {
        return new ParamSpec(name, kind, true, help, false);
    }

    public static ParamSpec optional(String name, ValueKind kind, String help) {
        return new ParamSpec(name, kind, false, help, false);
    }

    /** Zero or more values, as the last parameter: {@code ASSET…}. */
    public static ParamSpec repeated(String name, ValueKind kind, String help) {
        return new ParamSpec(name, kind, false, help, true);
    }
}
