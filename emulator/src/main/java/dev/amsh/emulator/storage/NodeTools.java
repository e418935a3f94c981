package dev.amsh.emulator.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Installs an npm package into a folder of the project on first use (Azurite), so a fresh machine with
 * Node and npm needs no step by hand.
 */
public final class NodeTools {
    private NodeTools() {
    }

    /** The path of {@code node_modules/.bin/<bin>} under {@code prefix}, installing {@code pkg} there if missing. */
    public static Path ensureInstalled(Path prefix, String pkg, String bin, Consumer<String> log) throws IOException {
        Path executable = prefix.resolve("node_modules").resolve(".bin").resolve(bin);
        if (Files.isExecutable(executable)) {
            return executable;
        }
        install(prefix, pkg, executable, log);
        return executable;
    }

    /** Installs {@code pkg} under {@code prefix} and checks that {@code executable} is then there. */
    public static synchronized void install(Path prefix, String pkg, Path executable, Consumer<String> log)
            throws IOException {
        if (Files.isExecutable(executable)) {
            return;
        }
        Files.createDirectories(prefix);
        log.accept("installing " + pkg + " into " + prefix + " (first use only)");
        List<String> cmd = List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "--engine-strict=false", pkg);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("npm-install.log").toFile()).start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("npm install " + pkg + " failed; see " + prefix.resolve("npm-install.log"));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing " + pkg);
        }
        if (!Files.isExecutable(executable)) {
            throw new IOException(pkg + " installed but " + executable + " is missing");
        }
    }
}
