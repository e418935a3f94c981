package dev.amsh.shell.repl;

import dev.amsh.shell.Command;
import dev.amsh.shell.CommandRegistry;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ParamSpec;
import org.jline.console.ArgDesc;
import org.jline.console.CmdDesc;
import org.jline.console.CmdLine;
import org.jline.utils.AttributedString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What JLine's tail tips show while a command is typed: its usage, its parameters and each option with its
 * help, all from the command's spec (the same text as its --help). Groovy lines get no tip.
 */
final class InlineHints implements Function<CmdLine, CmdDesc> {
    /** Asked at the first tip, not when the reader is made: the registry may still be in the making then. */
    private final Supplier<CommandRegistry> registry;

    InlineHints(Supplier<CommandRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public CmdDesc apply(CmdLine line) {
        List<String> args = line.getArgs();
        if (args.isEmpty()) {
            return null;
        }
        CommandRegistry commands = registry.get();
        Optional<Command> command = args.size() > 1 ? commands.get(args.get(0) + " " + args.get(1)) : Optional.empty();
        command = command.or(() -> commands.get(args.get(0)));
        return command.map(c -> describe(c.spec())).orElse(null);
    }

    static CmdDesc describe(CommandSpec spec) {
        List<AttributedString> main = List.of(new AttributedString(spec.usage()), new AttributedString(spec.summary()));
        List<ArgDesc> params = new ArrayList<>();
        for (ParamSpec p : spec.params()) {
            params.add(new ArgDesc(p.name(), List.of(new AttributedString(p.help()))));
        }
        Map<String, List<AttributedString>> options = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String key = (o.shortName() != null ? "-" + o.shortName() + " " : "") + "--" + o.name();
            String help = o.help() + (o.values().isEmpty() ? "" : " (" + String.join("|", o.values()) + ")");
            options.put(key, List.of(new AttributedString(help)));
        }
        CmdDesc desc = new CmdDesc(main, params, options);
        desc.setSubcommand(spec.name().contains(" "));
        return desc;
    }
}
