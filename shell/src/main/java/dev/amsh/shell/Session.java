package dev.amsh.shell;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.context.AccountContext;
import dev.amsh.context.Contexts;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.cli.ArgParser;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.LineTokenizer;
import dev.amsh.shell.render.Format;
import dev.amsh.shell.render.FailingResult;
import dev.amsh.shell.render.Renderer;
import dev.amsh.shell.render.TextView;
import dev.amsh.shell.script.ScriptHost;
import dev.amsh.storage.CopyCancellation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shell session, terminal-free: contexts, variables, the command registry, rendering, trace, and the
 * Groovy host (created on first use, so the prompt comes up fast). The REPL, {@code -c} and runbooks all
 * drive it, so a typed command and a runbook call reach the same operation objects.
 */
public final class Session {
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?!=)(.+)$");

    private final Redactor redactor;
    private final Console console;
    private final CommandRegistry registry;
    private final Renderer renderer;
    private final Clock clock;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final AtomicBoolean trace = new AtomicBoolean();
    private final List<String> history = new ArrayList<>();
    private Contexts contexts;
    private java.util.concurrent.Future<Contexts> pendingContexts;
    private ScriptHost scripts;
    private volatile CopyCancellation cancellation = new CopyCancellation();

    public Session(Redactor redactor, Console console, CommandRegistry registry, Clock clock) {
        this.redactor = redactor;
        this.console = console;
        this.registry = registry;
        this.renderer = new Renderer(redactor);
        this.clock = clock;
    }

    /** The sink every context reports HTTP exchanges to; prints them while {@code trace on}. */
    public Consumer<HttpTrace> traceSink() {
        return t -> {
            if (trace.get()) {
                console.progressDone();
                console.err().println(redactor.redact("  " + t.line()));
                console.err().flush();
            }
        };
    }

    public synchronized void setContexts(Contexts contexts) {
        this.contexts = contexts;
        variables.put("contexts", contexts);
    }

    private String expectedCurrent;

    /**
     * Contexts that become available later (the local pair starting in the background); the prompt shows
     * {@code expectedCurrent} meanwhile instead of waiting.
     */
    public synchronized void setContexts(java.util.concurrent.Future<Contexts> pending, String expectedCurrent) {
        this.pendingContexts = pending;
        this.expectedCurrent = expectedCurrent;
    }

    /** The current context's name for the prompt, without waiting for contexts still starting. */
    public synchronized String promptContext() {
        if (contexts == null && pendingContexts != null && !pendingContexts.isDone()) {
            return expectedCurrent;
        }
        try {
            return contexts().currentName();
        } catch (AmshException e) {
            return null;
        }
    }

    public synchronized Contexts contexts() {
        if (contexts == null && pendingContexts != null) {
            try {
                Contexts ready;
                try {
                    // contexts from a file wait a moment at most (the HTTP client being made); the local pair longer
                    ready = pendingContexts.get(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillStarting) {
                    console.err().println("(waiting for the local pair to start)");
                    console.err().flush();
                    ready = pendingContexts.get();
                }
                setContexts(ready);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                pendingContexts = null;
                throw cause instanceof AmshException a ? a
                        : new AmshException("the local pair did not start: " + cause.getMessage(), "see ~/.amsh/local/azurite/azurite.log", cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AmshException("interrupted while waiting for the local pair", "");
            }
        }
        if (contexts == null) {
            throw new AmshException("no contexts are loaded", "add one with 'context add' or start the local pair");
        }
        return contexts;
    }

    /** The context an invocation runs against: {@code --on NAME}, else the current one. */
    public AccountContext context(Invocation inv) {
        return contexts().get(inv.option("on"));
    }

    /** The source side of a two-context command: {@code --from NAME}, else {@code --on NAME}, else the current one. */
    public AccountContext sourceContext(Invocation inv) {
        String from = inv.option("from");
        String on = inv.option("on");
        if (from != null && on != null && !from.equals(on)) {
            throw new AmshException("--from " + from + " and --on " + on + " name different source contexts",
                    "give one of them");
        }
        return contexts().get(from != null ? from : on);
    }

    public Redactor redactor() {
        return redactor;
    }

    public Console console() {
        return console;
    }

    public CommandRegistry registry() {
        return registry;
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, Object> variables() {
        return variables;
    }

    public List<String> history() {
        return history;
    }

    public boolean tracing() {
        return trace.get();
    }

    public void setTracing(boolean on) {
        trace.set(on);
    }

    public CopyCancellation cancellation() {
        return cancellation;
    }

    /** A fresh cancellation for the next command; the REPL's Ctrl-C cancels it. */
    public CopyCancellation newCancellation() {
        cancellation = new CopyCancellation();
        return cancellation;
    }

    public synchronized ScriptHost scripts() {
        if (scripts == null) {
            scripts = new ScriptHost(this);
        }
        return scripts;
    }

    /** Runs one line as typed: a command, an assignment of a command's result, or Groovy. Prints the result. */
    public Object execute(String line) throws Exception {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        history.add(redactor.redact(trimmed));
        return executeStatement(trimmed);
    }

    private Object executeStatement(String trimmed) throws Exception {
        Matcher assign = ASSIGNMENT.matcher(trimmed);
        if (assign.matches() && startsWithCommand(assign.group(2))) {
            Object result = runCommandLine(assign.group(2), false);
            variables.put(assign.group(1), unwrap(result));
            variables.put("_", unwrap(result));
            return result;
        }
        if (startsWithCommand(trimmed)) {
            // several commands on one line run in turn, as with -c
            List<String> statements = LineTokenizer.statements(trimmed);
            Object result = null;
            for (String statement : statements) {
                result = statements.size() == 1 ? runCommandLine(statement, true) : executeStatement(statement);
            }
            return result;
        }
        LineHints.refuseTypo(trimmed, registry.heads(), variables.keySet());
        Object result;
        try {
            result = scripts().evaluate(trimmed);
        } catch (RuntimeException e) {
            throw LineHints.localDef(history, e);
        }
        if (result != null) {
            variables.put("_", result);
            renderer.print(result, Format.TABLE, console.out());
        }
        return result;
    }

    public boolean startsWithCommand(String line) {
        List<LineTokenizer.Word> words = LineTokenizer.words(line);
        if (words.isEmpty()) {
            return false;
        }
        String head = words.get(0).text();
        if (!registry.isHead(head)) {
            return false;
        }
        // "assets.ls()" or "copy(x, to: 'b')" are Groovy calls, not command lines
        return !(line.strip().startsWith(head + ".") || line.strip().startsWith(head + "("));
    }

    /** Parses and runs a command line; prints its result when asked. */
    public Object runCommandLine(String line, boolean print) throws Exception {
        List<LineTokenizer.Word> words = LineTokenizer.words(line);
        if (words.stream().anyMatch(w -> !w.literal() && (w.text().equals("|") || w.text().startsWith("|")))) {
            throw new AmshException("pipes are not supported: '|' after " + words.get(0).text(),
                    "keep the result in a variable and pass it on: x = assets ls, then copy ${x[0].id} --to b");
        }
        List<String> texts = words.stream().map(LineTokenizer.Word::text).toList();
        CommandRegistry.Match match = registry.match(texts);
        List<Object> args = new ArrayList<>();
        for (LineTokenizer.Word w : words.subList(match.nameWords(), words.size())) {
            args.add(w.literal() ? w.text() : expand(w.text()));
        }
        Invocation inv = ArgParser.parse(match.command().spec(), args);
        if (inv.flag("help")) {
            console.out().println(match.command().spec().help());
            console.out().flush();
            return null;
        }
        Object result = match.command().run(inv, this);
        if (print) {
            renderer.print(result instanceof FailingResult f ? f.result() : result, Format.parse(inv.option("output")), console.out());
            if (result instanceof FailingResult f) {
                variables.put("_", unwrap(result));
                throw f.failure();
            }
        }
        if (result != null) {
            variables.put("_", unwrap(result));
        }
        return result;
    }

    /** Runs a command from a runbook: named options and positional values; returns the result unprinted. */
    public Object call(String name, Map<String, Object> options, List<Object> params) throws Exception {
        Command c = registry.get(name).orElseThrow(() -> new AmshException("unknown command '" + name + "'",
                "type 'help' for the list"));
        List<Object> args = new ArrayList<>(params);
        Map<String, Object> kebab = new LinkedHashMap<>();
        // runbooks may write dryRun: true for --dry-run
        options.forEach((k, v) -> kebab.put(k.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT), v));
        kebab.forEach((k, v) -> {
            args.add("--" + k);
            if (!(v instanceof Boolean b) || c.spec().option(k).map(o -> o.takesValue()).orElse(false)) {
                args.add(v);
            } else if (!b) {
                args.remove(args.size() - 1);
            }
        });
        Invocation inv = ArgParser.parse(c.spec(), args);
        return unwrap(c.run(inv, this));
    }

    static Object unwrap(Object result) {
        if (result instanceof FailingResult f) {
            return unwrap(f.result());
        }
        return result instanceof TextView tv ? tv.value() : result;
    }

    /** Expands {@code $name} and {@code ${expr}}: a whole-word expression passes its object, else text. */
    Object expand(String word) {
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
            return scripts().evaluate(word.substring(2, word.length() - 1));
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
            sb.append(Invocation.text(scripts().evaluate(word.substring(start + 2, end))));
            i = end + 1;
        }
        return sb.toString();
    }

    private Path toolsDir = Path.of(".amsh", "tools");
    private Path runsDir = Path.of(".amsh", "runs");

    /** Where bulk runs keep their journals (replicate). */
    public Path runsDir() {
        return runsDir;
    }

    public void setRunsDir(Path dir) {
        this.runsDir = dir;
    }

    /** Where tools installed on first use live (Azurite, ffmpeg). */
    public Path toolsDir() {
        return toolsDir;
    }

    public void setToolsDir(Path dir) {
        this.toolsDir = dir;
    }

    public Renderer renderer() {
        return renderer;
    }
}
