package dev.amsh.emulator.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Installs an npm package into a folder of the project on first use (Azurite, ffmpeg), so a fresh machine with
 * Node and npm needs no step by hand. Installs are serialized across processes (a file lock beside the folder),
 * atomic (npm installs into a staging folder that replaces the old one only once its tool runs), checked (the
 * tool is run before it is marked installed), repaired (a folder without that mark is installed again), and never
 * outlive the JVM (npm is killed if the JVM exits mid-install; its staging folder is removed by the next one).
 */
public final class NodeTools {
    static final String MARK = ".amsh-installed";

    private NodeTools() {
    }

    /** The path of {@code node_modules/.bin/<bin>} under {@code prefix}, installing {@code pkg} there if missing. */
    public static Path ensureInstalled(Path prefix, String pkg, String bin, Predicate<Path> works, Consumer<String> log)
            throws IOException {
        Path executable = prefix.resolve("node_modules").resolve(".bin").resolve(bin);
        install(prefix, pkg, executable, works, log);
        return executable;
    }

    /**
     * Installs {@code pkg} under {@code prefix} unless a checked install is there; {@code executable} is the file the
     * install must leave (a tool, or a library's script) and {@code works} checks it.
     */
    public static synchronized void install(Path prefix, String pkg, Path executable, Predicate<Path> works,
                                            Consumer<String> log) throws IOException {
        if (Files.isRegularFile(prefix.resolve(MARK)) && Files.isRegularFile(executable)) {
            return;
        }
        Path parent = prefix.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path lockFile = parent.resolve(prefix.getFileName() + ".install.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            // another process may have installed it while we waited for the lock
            if (Files.isRegularFile(prefix.resolve(MARK)) && Files.isRegularFile(executable)) {
                return;
            }
            if (Files.isRegularFile(executable) && works.test(executable)) {
                Files.writeString(prefix.resolve(MARK), pkg); // an install from before the mark existed, and sound
                return;
            }
            removeStaleStaging(parent, prefix.getFileName().toString());
            boolean repair = Files.exists(prefix);
            log.accept((repair ? "repairing the install of " : "installing ") + pkg + " into " + prefix + " (first use only)");
            Path staging = parent.resolve(prefix.getFileName() + ".staging-" + ProcessHandle.current().pid());
            deleteRecursively(staging);
            Files.createDirectories(staging);
            runNpm(staging, pkg, parent.resolve(prefix.getFileName() + "-npm-install.log"));
            Path staged = staging.resolve(prefix.toAbsolutePath().relativize(executable.toAbsolutePath()));
            if (!Files.isRegularFile(staged) || !works.test(staged)) {
                deleteRecursively(staging);
                throw new IOException(pkg + " installed but " + staged.getFileName() + " does not run; see "
                        + parent.resolve(prefix.getFileName() + "-npm-install.log"));
            }
            Files.writeString(staging.resolve(MARK), pkg);
            Path old = parent.resolve(prefix.getFileName() + ".old-" + ProcessHandle.current().pid());
            if (Files.exists(prefix)) {
                Files.move(prefix, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, prefix, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        }
    }

    private static void runNpm(Path staging, String pkg, Path logFile) throws IOException {
        List<String> cmd = List.of("npm", "install", "--prefix", staging.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "--engine-strict=false", pkg);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        Thread killer = new Thread(p::destroyForcibly, "amsh-npm-stop");
        Runtime.getRuntime().addShutdownHook(killer); // a JVM that exits mid-install takes npm with it
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                deleteRecursively(staging);
                throw new IOException("npm install " + pkg + " failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing " + pkg);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** Staging folders of processes that no longer run (killed mid-install). */
    private static void removeStaleStaging(Path parent, String name) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(x -> x.getFileName().toString().startsWith(name + ".staging-")
                    || x.getFileName().toString().startsWith(name + ".old-")).toList()) {
                String pid = p.getFileName().toString().replaceAll(".*-", "");
                boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    deleteRecursively(p);
                }
            }
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    /** A check that runs {@code exe args} and expects exit 0 within 30 s. */
    public static Predicate<Path> runs(String... args) {
        return exe -> {
            try {
                List<String> cmd = new java.util.ArrayList<>(List.of(exe.toString()));
                cmd.addAll(List.of(args));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
