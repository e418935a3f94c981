package dev.amsh.shell.cli;

import dev.amsh.shell.render.Format;

import java.util.List;

/** The options every command takes; {@link CommandSpec} adds them to each spec that does not name its own. */
public final class CommonOptions {
    private CommonOptions() {
    }

    public static final Opt<Format> OUTPUT = Opt.format("output", "o", "output format: table, json or tsv");
    public static final Opt<String> ON = Opt.context("on", "run against this context instead of the current one");
    public static final Opt<String> QUERY = Opt.text("query", ValueKind.TEXT,
            "a JMESPath query over the result's JSON, printed as -o says (e.g. '[].name')");
    public static final Opt<Boolean> HELP = Opt.flag("help", "show this help").shortName("h");

    static final List<Opt<?>> ALL = List.of(OUTPUT, ON, QUERY, HELP);
}
