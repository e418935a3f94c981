package dev.amsh.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The system's chromium (Debian's package decodes H.264 and AAC; Playwright's own builds do not, and cannot be
 * downloaded here). When it is missing and this process may install packages (root with apt-get), it is
 * installed once; otherwise {@link BrowserUnavailable} says the one command that installs it.
 */
public final class Chromium {
    public static final String INSTALL_COMMAND = "sudo apt-get install -y chromium";
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private Chromium() {
    }

    /** {@code AMSH_CHROMIUM} if set, else the system's chromium, installed first where this process can. */
    public static synchronized Path locate(Consumer<String> log) throws IOException {
        String configured = System.getenv("AMSH_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isExecutable(p)) {
                throw new BrowserUnavailable("AMSH_CHROMIUM=" + configured + " is not an executable file");
            }
            return p;
        }
        for (Path p : CANDIDATES) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if (!canInstall()) {
            throw new BrowserUnavailable("chromium is not installed: run '" + INSTALL_COMMAND + "'");
        }
        log.accept("installing chromium from the system's packages (apt-get, first use only)");
        run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"));
        for (Path p : CANDIDATES) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new BrowserUnavailable("apt-get could not install chromium: run '" + INSTALL_COMMAND + "' and read its errors");
    }

    private static boolean canInstall() {
        return Files.isExecutable(Path.of("/usr/bin/apt-get")) && "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new BrowserUnavailable("apt-get did not finish installing chromium in 15 minutes");
            }
            if (p.exitValue() != 0) {
                // the package lists may be missing on a fresh machine: update once, then try again
                Process update = new ProcessBuilder("apt-get", "update").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                update.waitFor(10, TimeUnit.MINUTES);
                Process again = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                again.waitFor(15, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BrowserUnavailable("interrupted while installing chromium");
        }
    }
}
