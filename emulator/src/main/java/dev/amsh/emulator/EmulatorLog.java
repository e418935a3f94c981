package dev.amsh.emulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The pair's own log, {@code emulator.log} in its data folder: every request that failed inside the emulator
 * (with its stack) and every fault injected, so a failure of the pair can be told from a fault it was asked for.
 * Requests are logged by method and path only: no headers, so no tokens or keys.
 */
public final class EmulatorLog {
    public static final String FILE = "emulator.log";

    private final Path file;
    private final Clock clock;

    public EmulatorLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** A log that writes nowhere (a pair without a data folder). */
    public static EmulatorLog none() {
        return new EmulatorLog(null, Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    public void error(String datacenter, String request, Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        line(datacenter + " ERROR " + request + " -> 500: " + sw);
    }

    public synchronized void line(String text) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, clock.instant() + " " + text.stripTrailing() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a diagnostic aid; a full disk must not fail the request it describes
        }
    }
}
