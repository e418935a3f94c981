package dev.amsh.shell.app;

import dev.amsh.ams.http.HttpTrace;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalService;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.CommandRegistry;
import dev.amsh.shell.StartupTrace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What a start needs besides the terminal, made on a second thread while the terminal opens: the JSON reader of the
 * contexts file (or of a running pair's endpoints) and the command registry, then the HTTP client (its TLS trust store is the slowest part of a start, so the prompt does not wait for it: the
 * contexts that need it are handed over when it is ready).
 */
final class StartupWork {
    private final AtomicReference<Consumer<HttpTrace>> traces = new AtomicReference<>(t -> { });
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final CompletableFuture<ContextEnvironment> environment;
    private final CompletableFuture<CommandRegistry> registry;

    /**
     * {@code interactive}: the HTTP client waits for {@link #release} (the first prompt is up), so its TLS setup does
     * not compete with the terminal for the two cores; -c and runbooks, which wait for it at once, start it at once.
     */
    StartupWork(Redactor redactor, Map<String, String> env, Path dataDir, Path contextsFile, boolean interactive) {
        // -c and runbooks wait for the registry and the client both, so each gets a thread
        ExecutorService worker = Executors.newFixedThreadPool(interactive ? 1 : 2, r -> {
            Thread t = new Thread(r, "amsh-start");
            t.setDaemon(true);
            return t;
        });
        registry = CompletableFuture.supplyAsync(() -> {
            // the contexts file (else a running pair's endpoints) is read on the way to the prompt: its JSON reader is
            // made here, while the terminal opens; with neither file, the prompt needs no JSON
            if (Files.isRegularFile(contextsFile)) {
                ContextsFile.prepareReader();
                StartupTrace.mark("contexts reader made");
            } else if (Files.isRegularFile(dataDir.resolve(LocalService.ENDPOINTS_FILE))) {
                LocalPair.prepareReader();
                StartupTrace.mark("endpoints reader made");
            }
            CommandRegistry made = Commands.registry(dataDir);
            StartupTrace.mark("command registry made");
            return made;
        }, worker);
        // traces go to the session once there is one; no HTTP call is made before
        environment = released.thenApplyAsync(go -> {
            ContextEnvironment made = ContextEnvironment.create(redactor, t -> traces.get().accept(t), env);
            StartupTrace.mark("HTTP client made");
            return made;
        }, worker);
        environment.whenComplete((made, failed) -> worker.shutdown());
        if (!interactive) {
            release();
        }
    }

    /** Lets what waits for the first prompt start: the HTTP client, a local pair started in the background. */
    void release() {
        released.complete(null);
    }

    /** Completes when {@link #release} is called. */
    CompletableFuture<Void> whenReleased() {
        return released;
    }

    CommandRegistry registry() {
        return registry.join();
    }

    /** Sends the HTTP traces to {@code sink}. */
    void traceTo(Consumer<HttpTrace> sink) {
        traces.set(sink);
    }

    /** The shared HTTP environment, waiting for it (and starting it, if the first prompt has not). */
    ContextEnvironment environment() {
        release();
        return environment.join();
    }

    /** The shared HTTP environment when it is ready (made once {@link #release} is called). */
    CompletableFuture<ContextEnvironment> whenEnvironment() {
        return environment;
    }
}
