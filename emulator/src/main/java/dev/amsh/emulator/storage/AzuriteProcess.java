package dev.amsh.emulator.storage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One Azurite blob service hosting several storage accounts (so they copy between each other server-side),
 * bound to loopback, its data under a folder. Started and stopped by the emulator.
 */
public final class AzuriteProcess implements AutoCloseable {
    /** 3.37 is the first release with Put Block From URL; it runs on Node 20 despite its engines field. */
    public static final String PACKAGE = "azurite@3.37.0";
    public static final String HOST = "127.0.0.1";

    private final Path toolsDir;
    private final Path dataDir;
    private final List<StorageAccountSpec> accounts;
    private final int requestedPort;
    private final Consumer<String> log;
    private Process process;
    private int port;

    public AzuriteProcess(Path toolsDir, Path dataDir, List<StorageAccountSpec> accounts, int port,
                          Consumer<String> log) {
        this.toolsDir = toolsDir;
        this.dataDir = dataDir;
        this.accounts = List.copyOf(accounts);
        this.requestedPort = port;
        this.log = log;
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        Path bin = NodeTools.ensureInstalled(toolsDir, PACKAGE, "azurite-blob", NodeTools.runs("--version"), log);
        port = requestedPort > 0 ? requestedPort : freePort();
        Files.createDirectories(dataDir);
        stopStale();
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "--blobHost", HOST, "--blobPort",
                String.valueOf(port), "--location", dataDir.toString(), "--skipApiVersionCheck", "--loose",
                "--disableTelemetry", "--silent"));
        ProcessBuilder pb = new ProcessBuilder(Detached.command(cmd)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("azurite.log").toFile()));
        pb.environment().put("AZURITE_ACCOUNTS",
                accounts.stream().map(a -> a.name() + ":" + a.key()).collect(Collectors.joining(";")));
        process = pb.start();
        Files.writeString(dataDir.resolve(PID_FILE), String.valueOf(process.pid()));
        waitForPort(Duration.ofSeconds(60));
    }

    static final String PID_FILE = "azurite.pid";

    /**
     * An Azurite left running on this data folder by a process that died without stopping it (it runs in a
     * session of its own, so it outlives a killed shell) would fight the new one over the same files: stop it.
     */
    private void stopStale() {
        Path pidFile = dataDir.resolve(PID_FILE);
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(c -> c.contains("azurite") && c.contains(dataDir.toString()))
                            .orElse(false))
                    .ifPresent(h -> {
                        log.accept("stopping a stale Azurite (pid " + pid + ") left on " + dataDir);
                        h.destroy();
                        try {
                            h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            h.destroyForcibly();
                        }
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // no usable pid file: nothing to stop
        }
    }

    public int port() {
        return port;
    }

    public String blobEndpoint(String account) {
        return "http://" + HOST + ":" + port + "/" + account;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    private void waitForPort(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Azurite exited at start; see " + dataDir.resolve("azurite.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    close();
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for Azurite");
                }
            }
        }
        close();
        throw new IOException("Azurite did not listen on " + HOST + ":" + port + " within " + timeout.toSeconds() + " s");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
            try {
                Files.deleteIfExists(dataDir.resolve(PID_FILE));
            } catch (IOException ignored) {
                // a stale pid file names a dead process, which stopStale ignores
            }
        }
    }
}
