package dev.amsh.shell;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.context.Contexts;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.render.Renderer;
import dev.amsh.storage.CopyCancellation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One shell session, terminal-free: the {@link SessionState}, the {@link LineInterpreter} (a line to a command,
 * a pipe or Groovy) and the {@link Dispatcher} (a command line to the command), wired together. The REPL,
 * {@code -c} and runbooks all drive it, so a typed command and a runbook call reach the same command classes.
 * Commands see it as a {@link CommandContext} (the session commands as {@link ShellControl}); Groovy sees it
 * as a {@link ScriptSession}, and the engine is built on first use from the factory Main hands in.
 */
public final class Session implements ShellControl, ScriptSession {
    private final SessionState state;
    private final Dispatcher dispatcher;
    private final LineInterpreter interpreter;
    private final Function<ScriptSession, ScriptEngine> scriptEngines;
    private ScriptEngine scripts;

    public Session(Redactor redactor, Console console, CommandRegistry registry, Clock clock,
                   Function<ScriptSession, ScriptEngine> scriptEngines) {
        this(redactor, console, () -> registry, clock, scriptEngines);
    }

    /** As above, with the registry asked for when a line first needs it, so a start shows the prompt meanwhile. */
    public Session(Redactor redactor, Console console, Supplier<CommandRegistry> registry, Clock clock,
                   Function<ScriptSession, ScriptEngine> scriptEngines) {
        this.state = new SessionState(redactor, console, clock);
        this.scriptEngines = scriptEngines;
        this.dispatcher = new Dispatcher(registry, state, this, this::scripts);
        this.interpreter = new LineInterpreter(state, dispatcher, this::scripts);
    }

    // --- what Main, the REPL and tests set up and drive

    /** Runs one line as typed: a command, an assignment of a command's result, or Groovy. Prints the result. */
    public Object execute(String line) throws Exception {
        return interpreter.execute(line);
    }

    @Override
    public Object runQuietly(String line) throws Exception {
        return Dispatcher.unwrap(interpreter.runQuietly(line));
    }

    @Override
    public Object runCommandLine(String line, boolean print) throws Exception {
        return dispatcher.runCommandLine(line, print, List.of());
    }

    @Override
    public Object call(String name, Map<String, Object> options, List<Object> params) throws Exception {
        return dispatcher.call(name, options, params);
    }

    /** The value a result stands for in Groovy (a text view's value, a failing result's partial result). */
    static Object unwrap(Object result) {
        return Dispatcher.unwrap(result);
    }

    public boolean startsWithCommand(String line) {
        return dispatcher.startsWithCommand(line);
    }

    /** Whether a command is running (Ctrl-C then cancels it cleanly first), rather than only Groovy. */
    public boolean runningCommand() {
        return dispatcher.runningCommand();
    }

    /** The Groovy engine, built (and the init script run) when a line first needs it. */
    public synchronized ScriptEngine scripts() {
        if (scripts == null) {
            scripts = scriptEngines.apply(this);
            runInit(scripts);
        }
        return scripts;
    }

    /** The init script runs when the Groovy engine is first built, so the prompt never waits for either. */
    private void runInit(ScriptEngine engine) {
        Path init = state.initScript();
        if (init == null || !Files.exists(init)) {
            return;
        }
        try {
            engine.runInit(init);
        } catch (AmshException e) {
            Console console = state.console();
            console.progressDone();
            console.err().println(state.redactor().redact("amsh: " + e.oneLine()));
            console.err().flush();
        }
    }

    public Consumer<HttpTrace> traceSink() {
        return state.traceSink();
    }

    public void setContexts(Contexts contexts) {
        state.setContexts(contexts);
    }

    /** Contexts that become available later (the local pair starting); the prompt shows {@code expectedCurrent} meanwhile. */
    public void setContexts(Future<Contexts> pending, String expectedCurrent) {
        state.setContexts(pending, expectedCurrent);
    }

    /** The current context's name for the prompt, without waiting for contexts still starting. */
    public String promptContext() {
        return state.promptContext();
    }

    /** A fresh cancellation for the next command; the REPL's Ctrl-C cancels it. */
    public CopyCancellation newCancellation() {
        return state.newCancellation();
    }

    /** Runs {@code file} (~/.amsh/init.groovy) before the first Groovy line; {@code null} for none (--no-init). */
    public void setInitScript(Path file) {
        state.setInitScript(file);
    }

    /** Where the session keeps what outlives it (aliases, settings): ~/.amsh, or a test's folder. */
    public void setHomeDir(Path amshDir) {
        state.setHomeDir(amshDir);
    }

    public void setLog(SessionLog log) {
        state.setLog(log);
    }

    public void setRunsDir(Path dir) {
        state.setRunsDir(dir);
    }

    public void setToolsDir(Path dir) {
        state.setToolsDir(dir);
    }

    // --- CommandContext: what every command sees

    @Override
    public Console console() {
        return state.console();
    }

    @Override
    public Contexts contexts() {
        return state.contexts();
    }

    @Override
    public Clock clock() {
        return state.clock();
    }

    @Override
    public Redactor redactor() {
        return state.redactor();
    }

    @Override
    public CopyCancellation cancellation() {
        return state.cancellation();
    }

    @Override
    public Renderer renderer() {
        return state.renderer();
    }

    @Override
    public Path runsDir() {
        return state.runsDir();
    }

    @Override
    public Path toolsDir() {
        return state.toolsDir();
    }

    // --- ShellControl: what the commands about the shell see

    @Override
    public CommandRegistry registry() {
        return dispatcher.registry();
    }

    @Override
    public List<String> history() {
        return state.history();
    }

    @Override
    public boolean tracing() {
        return state.tracing();
    }

    @Override
    public void setTracing(boolean on) {
        state.setTracing(on);
    }

    @Override
    public Aliases aliases() {
        return state.aliases();
    }

    @Override
    public Settings settings() {
        return state.settings();
    }

    @Override
    public Map<String, Object> userVariables() {
        return state.userVariables();
    }

    @Override
    public synchronized Optional<ScriptEngine.Definitions> definitions() {
        // 'vars' does not build the engine just to list nothing
        return Optional.ofNullable(scripts).map(ScriptEngine::definitions);
    }

    @Override
    public synchronized void resetDefinitions() {
        state.forgetVariables();
        if (scripts != null) {
            scripts.forget();
        }
    }

    @Override
    public BackgroundWork background() {
        return state.background();
    }

    @Override
    public SessionLog log() {
        return state.log();
    }

    // --- ScriptSession: what Groovy sees

    @Override
    public Map<String, Object> variables() {
        return state.variables();
    }

    @Override
    public void hideVariables(Collection<String> names) {
        state.hideVariables(names);
    }

    @Override
    public boolean hasContext(String name) {
        return state.hasContext(name);
    }
}
