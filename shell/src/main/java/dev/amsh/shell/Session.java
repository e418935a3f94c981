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
import dev.amsh.storage.CopyCancellation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One shell session, terminal-free: contexts, variables, the command registry, rendering, trace, and the
 * Groovy host (created on first use, so the prompt comes up fast). The REPL, {@code -c} and runbooks all
 * drive it, so a typed command and a runbook call reach the same operation objects.
 */
public final class Session {
    private final Redactor redactor;
    private final Console console;
    private final CommandRegistry registry;
    private final Renderer renderer;
    private final Clock clock;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final AtomicBoolean trace = new AtomicBoolean();
    private final AtomicInteger commandsRunning = new AtomicInteger();
    private final BackgroundWork background;
    private final LineInterpreter interpreter = new LineInterpreter(this);
    private volatile SessionLog log;
    private final List<String> history = new ArrayList<>();
    private final Set<String> hiddenVariables = new HashSet<>();
    private Contexts contexts;
    private java.util.concurrent.Future<Contexts> pendingContexts;
    private final Function<Session, ScriptEngine> scriptEngines;
    private ScriptEngine scripts;
    private Path initScript;
    private Aliases aliases = new Aliases(null);
    private Settings settings = new Settings(null);
    private volatile CopyCancellation cancellation = new CopyCancellation();

    public Session(Redactor redactor, Console console, CommandRegistry registry, Clock clock,
                   Function<Session, ScriptEngine> scriptEngines) {
        this.redactor = redactor;
        this.scriptEngines = scriptEngines;
        this.registry = registry;
        this.renderer = new Renderer(redactor);
        this.clock = clock;
        this.background = new BackgroundWork(clock, notice -> {
            console.err().println(redactor.redact(notice));
            console.err().flush();
        });
        // background work draws no progress line: it would write over the prompt
        this.console = new QuietInBackground(console, background);
        this.log = new SessionLog(null, redactor, "off");
    }

    /** The sink every context reports HTTP exchanges to; prints them while {@code trace on}. */
    public Consumer<HttpTrace> traceSink() {
        return t -> {
            log.trace("http " + t.line());
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

    /** Names the Groovy engine keeps in the variables for itself; {@code vars} and {@code reset} leave them alone. */
    public synchronized void hideVariables(Collection<String> names) {
        hiddenVariables.addAll(names);
    }

    /** The variables a person defined (and {@code _}), without the engine's own. */
    public synchronized Map<String, Object> userVariables() {
        Map<String, Object> out = new LinkedHashMap<>(variables);
        out.keySet().removeAll(hiddenVariables);
        out.remove("contexts");
        return out;
    }

    /** Forgets every variable, method, class and import typed this session; contexts stay. */
    public synchronized void resetDefinitions() {
        variables.keySet().removeIf(k -> !hiddenVariables.contains(k) && !k.equals("contexts"));
        if (scripts != null) {
            scripts.forget();
        }
    }

    /** The Groovy engine when a line already needed it; {@code vars} does not build it just to list nothing. */
    public synchronized Optional<ScriptEngine> scriptsIfBuilt() {
        return Optional.ofNullable(scripts);
    }

    /** Whether {@code name} is a context (waiting for the local pair if it is still starting). */
    public boolean hasContext(String name) {
        try {
            return contexts().names().contains(name);
        } catch (AmshException e) {
            return false;
        }
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

    public synchronized ScriptEngine scripts() {
        if (scripts == null) {
            scripts = scriptEngines.apply(this);
            runInit(scripts);
        }
        return scripts;
    }

    /** The init script runs when the Groovy engine is first built, so the prompt never waits for either. */
    private void runInit(ScriptEngine engine) {
        if (initScript == null || !Files.exists(initScript)) {
            return;
        }
        try {
            engine.runInit(initScript);
        } catch (AmshException e) {
            console.progressDone();
            console.err().println(redactor.redact("amsh: " + e.oneLine()));
            console.err().flush();
        }
    }

    /** Runs {@code file} (~/.amsh/init.groovy) before the first Groovy line; {@code null} for none (--no-init). */
    public synchronized void setInitScript(Path file) {
        this.initScript = file;
    }

    /** Where the session keeps what outlives it (aliases): ~/.amsh, or a test's folder. */
    public synchronized void setHomeDir(Path amshDir) {
        this.aliases = new Aliases(amshDir.resolve("aliases"));
        this.settings = new Settings(amshDir.resolve("settings"));
    }

    public synchronized Settings settings() {
        return settings;
    }

    public synchronized Aliases aliases() {
        return aliases;
    }

    /** Runs one line as typed: a command, an assignment of a command's result, or Groovy. Prints the result. */
    public Object execute(String line) throws Exception {
        return interpreter.execute(line);
    }

    /** Runs a line as typed (statements, aliases, pipes, Groovy) for its result, printing nothing: {@code sh(…)}. */
    public Object runQuietly(String line) throws Exception {
        return Session.unwrap(interpreter.runQuietly(line));
    }

    /** The session log; nowhere until {@link #setLog} names a folder. */
    public SessionLog log() {
        return log;
    }

    public void setLog(SessionLog log) {
        this.log = log;
    }

    public BackgroundWork background() {
        return background;
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
        return runCommandLine(line, print, List.of());
    }

    /** Parses and runs a command line with values piped in after its own parameters. */
    Object runCommandLine(String line, boolean print, List<Object> piped) throws Exception {
        List<LineTokenizer.Word> words = LineTokenizer.words(line);
        List<String> texts = words.stream().map(LineTokenizer.Word::text).toList();
        if (texts.size() == 2 && (texts.get(1).equals("--help") || texts.get(1).equals("-h")) && registry.isGroup(texts.get(0))) {
            // "assets --help", as every command takes --help
            console.out().print(registry.groupHelp(texts.get(0)));
            console.out().flush();
            return null;
        }
        CommandRegistry.Match match = registry.match(texts);
        List<Object> args = new ArrayList<>();
        for (LineTokenizer.Word w : words.subList(match.nameWords(), words.size())) {
            args.add(w.literal() ? w.text() : expand(w.text()));
        }
        args.addAll(piped);
        Invocation inv = ArgParser.parse(match.command().spec(), args);
        if (inv.flag("help")) {
            console.out().println(match.command().spec().help());
            console.out().flush();
            return null;
        }
        Object result = runCommand(match.command(), inv);
        if (print) {
            renderer.print(result instanceof FailingResult f ? f.result() : result, Format.parse(inv.format()),
                    inv.option("query"), console.out());
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
        return unwrap(runCommand(c, inv));
    }

    private Object runCommand(Command c, Invocation inv) throws Exception {
        commandsRunning.incrementAndGet();
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            Object result = c.run(inv, this);
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
    public boolean runningCommand() {
        return commandsRunning.get() > 0;
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
