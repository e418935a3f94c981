package dev.amsh.shell;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.context.Contexts;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.render.Renderer;
import dev.amsh.storage.CopyCancellation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What a session holds, and nothing it does: contexts (perhaps still starting), variables, aliases, settings,
 * history, trace, the cancellation of the command running, background work, the log and the folders it uses.
 */
final class SessionState {
    private final Redactor redactor;
    private final Console console;
    private final Renderer renderer;
    private final Clock clock;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Set<String> hiddenVariables = new HashSet<>();
    private final List<String> history = new ArrayList<>();
    private final AtomicBoolean trace = new AtomicBoolean();
    private final BackgroundWork background;
    private volatile SessionLog log;
    private volatile CopyCancellation cancellation = new CopyCancellation();
    private Contexts contexts;
    private Future<Contexts> pendingContexts;
    private String expectedCurrent;
    private Aliases aliases = new Aliases(null);
    private Settings settings = new Settings(null);
    private Path initScript;
    private Path toolsDir = Path.of(".amsh", "tools");
    private Path runsDir = Path.of(".amsh", "runs");

    SessionState(Redactor redactor, Console console, Clock clock) {
        this.redactor = redactor;
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
    Consumer<HttpTrace> traceSink() {
        return t -> {
            log.trace("http " + t.line());
            if (trace.get()) {
                console.progressDone();
                console.err().println(redactor.redact("  " + t.line()));
                console.err().flush();
            }
        };
    }

    synchronized void setContexts(Contexts contexts) {
        this.contexts = contexts;
        variables.put("contexts", contexts);
    }

    /**
     * Contexts that become available later (the local pair starting in the background); the prompt shows
     * {@code expectedCurrent} meanwhile instead of waiting.
     */
    synchronized void setContexts(Future<Contexts> pending, String expectedCurrent) {
        this.pendingContexts = pending;
        this.expectedCurrent = expectedCurrent;
    }

    /** The current context's name for the prompt, without waiting for contexts still starting. */
    synchronized String promptContext() {
        if (contexts == null && pendingContexts != null && !pendingContexts.isDone()) {
            return expectedCurrent;
        }
        try {
            return contexts().currentName();
        } catch (AmshException e) {
            return null;
        }
    }

    synchronized Contexts contexts() {
        if (contexts == null && pendingContexts != null) {
            try {
                Contexts ready;
                try {
                    // contexts from a file wait a moment at most (the HTTP client being made); the local pair longer
                    ready = pendingContexts.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillStarting) {
                    console.err().println("(waiting for the local pair to start)");
                    console.err().flush();
                    ready = pendingContexts.get();
                }
                setContexts(ready);
            } catch (ExecutionException e) {
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

    /** Whether {@code name} is a context (waiting for the local pair if it is still starting). */
    boolean hasContext(String name) {
        try {
            return contexts().names().contains(name);
        } catch (AmshException e) {
            return false;
        }
    }

    Redactor redactor() {
        return redactor;
    }

    Console console() {
        return console;
    }

    Renderer renderer() {
        return renderer;
    }

    Clock clock() {
        return clock;
    }

    Map<String, Object> variables() {
        return variables;
    }

    /** Names the Groovy engine keeps in the variables for itself; {@code vars} and {@code reset} leave them alone. */
    synchronized void hideVariables(Collection<String> names) {
        hiddenVariables.addAll(names);
    }

    /** The variables a person defined (and {@code _}), without the engine's own. */
    synchronized Map<String, Object> userVariables() {
        Map<String, Object> out = new LinkedHashMap<>(variables);
        out.keySet().removeAll(hiddenVariables);
        out.remove("contexts");
        return out;
    }

    /** Forgets every variable a person defined; contexts and the engine's own stay. */
    synchronized void forgetVariables() {
        variables.keySet().removeIf(k -> !hiddenVariables.contains(k) && !k.equals("contexts"));
    }

    List<String> history() {
        return history;
    }

    boolean tracing() {
        return trace.get();
    }

    void setTracing(boolean on) {
        trace.set(on);
    }

    /** The cancellation of the work this thread does: its background job's, else the command at the prompt's. */
    CopyCancellation cancellation() {
        return background.cancellationHere().orElse(cancellation);
    }

    /** A fresh cancellation for the next command; the REPL's Ctrl-C cancels it. */
    CopyCancellation newCancellation() {
        cancellation = new CopyCancellation();
        return cancellation;
    }

    BackgroundWork background() {
        return background;
    }

    SessionLog log() {
        return log;
    }

    void setLog(SessionLog log) {
        this.log = log;
    }

    synchronized Path initScript() {
        return initScript;
    }

    synchronized void setInitScript(Path file) {
        this.initScript = file;
    }

    /** Where the session keeps what outlives it (aliases, settings): ~/.amsh, or a test's folder. */
    synchronized void setHomeDir(Path amshDir) {
        this.aliases = new Aliases(amshDir.resolve("aliases"));
        this.settings = new Settings(amshDir.resolve("settings"));
    }

    synchronized Settings settings() {
        return settings;
    }

    synchronized Aliases aliases() {
        return aliases;
    }

    Path runsDir() {
        return runsDir;
    }

    void setRunsDir(Path dir) {
        this.runsDir = dir;
    }

    Path toolsDir() {
        return toolsDir;
    }

    void setToolsDir(Path dir) {
        this.toolsDir = dir;
    }
}
