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

    /** The source of a two-context command; {@code CommandContext.sourceContext} reads it (or {@code --on}). */
    public static final Opt<String> FROM = Opt.context("from", "source context (default: current)");

    /** The target of a two-context command. */
    public static final Opt<String> TO = Opt.context("to", "target context");

    /** How many at once (blobs, assets, containers): 1 to 64. */
    public static Opt<Integer> concurrency(String name, String help, int dflt) {
        return Opt.number(name, 1, 64, help).orElse(dflt);
    }
}
