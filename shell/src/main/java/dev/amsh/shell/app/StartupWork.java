package dev.amsh.shell.app;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.ContextsFile;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.CommandRegistry;
import dev.amsh.shell.StartupTrace;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What a start needs besides the terminal, made on a second thread while the terminal opens: the contexts file's
 * reader and the command registry, then the HTTP client (its TLS trust store is the slowest part of a start, so the prompt does not wait for it: the
 * contexts that need it are handed over when it is ready).
 */
final class StartupWork {
    private final AtomicReference<Consumer<HttpTrace>> traces = new AtomicReference<>(t -> { });
    private final CompletableFuture<ContextEnvironment> environment;
    private final CompletableFuture<CommandRegistry> registry;

    StartupWork(Redactor redactor, Map<String, String> env, Path dataDir, boolean interactive) {
        // -c and runbooks wait for both, so each gets a thread; the prompt waits for neither the HTTP client nor its
        // TLS setup, which then comes after the rest on one thread and leaves the other core to the terminal
        ExecutorService worker = Executors.newFixedThreadPool(interactive ? 1 : 2, r -> {
            Thread t = new Thread(r, "amsh-start");
            t.setDaemon(true);
            return t;
        });
        registry = CompletableFuture.supplyAsync(() -> {
            // the contexts file is read on the way to the prompt: its reader is made here, while the terminal opens
            ContextsFile.prepareReader();
            StartupTrace.mark("contexts reader made");
            CommandRegistry made = Commands.registry(dataDir);
            StartupTrace.mark("command registry made");
            return made;
        }, worker);
        // traces go to the session once there is one; no HTTP call is made before
        environment = CompletableFuture.supplyAsync(() -> {
            ContextEnvironment made = ContextEnvironment.create(redactor, t -> traces.get().accept(t), env);
            StartupTrace.mark("HTTP client made");
            return made;
        }, worker);
        worker.shutdown();
    }

    CommandRegistry registry() {
        return registry.join();
    }

    /** Sends the HTTP traces to {@code sink}. */
    void traceTo(Consumer<HttpTrace> sink) {
        traces.set(sink);
    }

    /** The shared HTTP environment, waiting for it. */
    ContextEnvironment environment() {
        return environment.join();
    }

    /** The shared HTTP environment when it is ready. */
    CompletableFuture<ContextEnvironment> whenEnvironment() {
        return environment;
    }
}
