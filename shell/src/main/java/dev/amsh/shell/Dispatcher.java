package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.shell.cli.ArgParser;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.LineTokenizer;
import dev.amsh.shell.render.FailingResult;
import dev.amsh.shell.render.Format;
import dev.amsh.shell.render.TextView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A command line or a runbook's call to the command that runs it: words matched against the registry,
 * {@code $x}/{@code ${…}} expanded, the options parsed against the command's spec, the command run with the
 * context commands see, its result printed as {@code -o} and {@code --query} say and kept in {@code _}.
 */
final class Dispatcher {
    private final Supplier<CommandRegistry> registry;
    private final SessionState state;
    private final ShellControl commandContext;
    private final Supplier<ScriptEngine> scripts;
    private final AtomicInteger commandsRunning = new AtomicInteger();

    /**
     * {@code registry} is asked on the first line (a start builds it while the prompt appears); {@code commandContext}
     * is what commands are handed; {@code scripts} evaluates {@code ${…}}.
     */
    Dispatcher(Supplier<CommandRegistry> registry, SessionState state, ShellControl commandContext, Supplier<ScriptEngine> scripts) {
        this.registry = registry;
        this.state = state;
        this.commandContext = commandContext;
        this.scripts = scripts;
    }

    CommandRegistry registry() {
        return registry.get();
    }

    /** Whether a line is a command line ({@code assets ls}) rather than Groovy ({@code assets.ls()}). */
    boolean startsWithCommand(String line) {
        List<LineTokenizer.Word> words = LineTokenizer.words(line);
        if (words.isEmpty()) {
            return false;
        }
        String head = words.get(0).text();
        if (!registry().isHead(head)) {
            return false;
        }
        // "assets.ls()" or "copy(x, to: 'b')" are Groovy calls, not command lines
        return !(line.strip().startsWith(head + ".") || line.strip().startsWith(head + "("));
    }

    /** Parses and runs a command line with values piped in after its own parameters; prints its result when asked. */
    Object runCommandLine(String line, boolean print, List<Object> piped) throws Exception {
        List<LineTokenizer.Word> words = LineTokenizer.words(line);
        List<String> texts = words.stream().map(LineTokenizer.Word::text).toList();
        Console console = state.console();
        if (texts.size() == 2 && (texts.get(1).equals("--help") || texts.get(1).equals("-h")) && registry().isGroup(texts.get(0))) {
            // "assets --help", as every command takes --help
            console.out().print(registry().groupHelp(texts.get(0)));
            console.out().flush();
            return null;
        }
        CommandRegistry.Match match = registry().match(texts);
        List<Object> args = new ArrayList<>();
        for (LineTokenizer.Word w : words.subList(match.nameWords(), words.size())) {
            args.add(w.literal() ? w.text() : expand(w.text()));
        }
        args.addAll(piped);
        Invocation inv = parse(match.command(), args);
        if (inv.get(CommonOptions.HELP)) {
            console.out().println(match.command().spec().help());
            console.out().flush();
            return null;
        }
        Object result = runCommand(match.command(), inv);
        if (print) {
            state.renderer().print(result instanceof FailingResult f ? f.result() : result, inv.format(),
                    inv.get(CommonOptions.QUERY), console.out());
            if (result instanceof FailingResult f) {
                state.variables().put("_", unwrap(result));
                throw f.failure();
            }
        }
        if (result != null) {
            state.variables().put("_", unwrap(result));
        }
        return result;
    }

    /** Runs a command from a runbook: named options and positional values; returns the result unprinted. */
    Object call(String name, Map<String, Object> options, List<Object> params) throws Exception {
        Command c = registry().get(name).orElseThrow(() -> new AmshException("unknown command '" + name + "'",
                "type 'help' for the list"));
        List<Object> args = new ArrayList<>(params);
        Map<String, Object> kebab = new LinkedHashMap<>();
        // runbooks may write dryRun: true for --dry-run
        options.forEach((k, v) -> kebab.put(k.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT), v));
        kebab.forEach((k, v) -> {
            args.add("--" + k);
            if (!(v instanceof Boolean b) || c.spec().option(k).map(o -> o.takesValue()).orElse(false)) {
                args.add(v);
            } else if (!b) {
                args.remove(args.size() - 1);
            }
        });
        Invocation inv = parse(c, args);
        return unwrap(runCommand(c, inv));
    }

    /** The words for a command; a line refused here (a bad option value) is logged as that command's failure. */
    private Invocation parse(Command c, List<Object> args) {
        try {
            return ArgParser.parse(c.spec(), args);
        } catch (AmshException e) {
            state.log().error(c.spec().name() + " failed", e);
            throw e;
        }
    }

    private Object runCommand(Command c, Invocation inv) throws Exception {
        commandsRunning.incrementAndGet();
        long start = System.nanoTime();
        String outcome = "ok";
        SessionLog log = state.log();
        try {
            Object result = c.run(inv, commandContext);
            if (result instanceof FailingResult f) {
                outcome = "failed: " + f.failure().getMessage();
            }
            return result;
        } catch (Exception | Error e) {
            outcome = "failed: " + e.getMessage();
            log.error(c.spec().name() + " failed", e);
            throw e;
        } finally {
            commandsRunning.decrementAndGet();
            log.info(c.spec().name() + " " + outcome + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /** Whether a command is running (Ctrl-C then cancels it cleanly first), rather than only Groovy. */
    boolean runningCommand() {
        return commandsRunning.get() > 0;
    }

    /** The value a result stands for in Groovy: a failing result's partial result, a text view's value. */
    static Object unwrap(Object result) {
        if (result instanceof FailingResult f) {
            return unwrap(f.result());
        }
        return result instanceof TextView tv ? tv.value() : result;
    }

    /** Expands {@code $name} and {@code ${expr}}: a whole-word expression passes its object, else text. */
    private Object expand(String word) {
        Map<String, Object> variables = state.variables();
        if (word.matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
            String name = word.substring(1);
            if (!variables.containsKey(name)) {
                throw new AmshException("no variable named " + name, "set it first, e.g. " + name + " = assets ls");
            }
            return variables.get(name);
        }
        if (!word.contains("${")) {
            return word;
        }
        if (word.startsWith("${") && LineTokenizer.closeOfExpression(word, 0) == word.length() - 1) {
            return scripts.get().evaluate(word.substring(2, word.length() - 1));
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            int start = word.indexOf("${", i);
            if (start < 0) {
                sb.append(word.substring(i));
                break;
            }
            sb.append(word, i, start);
            int end = LineTokenizer.closeOfExpression(word, start);
            sb.append(Invocation.text(scripts.get().evaluate(word.substring(start + 2, end))));
            i = end + 1;
        }
        return sb.toString();
    }
}
