package dev.amsh.shell.app;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.CommandRegistry;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What a start needs besides the terminal, made on a second thread while the terminal opens: the command registry,
 * then the HTTP client (its TLS trust store is the slowest part of a start, so the prompt does not wait for it: the
 * contexts that need it are handed over when it is ready).
 */
final class StartupWork {
    private final AtomicReference<Consumer<HttpTrace>> traces = new AtomicReference<>(t -> { });
    private final CompletableFuture<ContextEnvironment> environment;
    private final CompletableFuture<CommandRegistry> registry;

    StartupWork(Redactor redactor, Map<String, String> env, Path dataDir) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "amsh-start");
            t.setDaemon(true);
            return t;
        });
        registry = CompletableFuture.supplyAsync(() -> Commands.registry(dataDir), worker);
        // traces go to the session once there is one; no HTTP call is made before
        environment = CompletableFuture.supplyAsync(() -> ContextEnvironment.create(redactor, t -> traces.get().accept(t), env), worker);
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
