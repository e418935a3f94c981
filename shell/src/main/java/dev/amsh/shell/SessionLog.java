package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The session's log file, ~/.amsh/logs/amsh.N.log (rotated at 5 MB, 5 kept): each line run, each command with
 * its time and outcome, errors with their stack at debug, HTTP calls at trace. Everything passes the same
 * Redactor as the output, so no key or signature reaches the file. Opened on the first entry, not at start.
 */
public final class SessionLog {
    /** The levels of {@code --log-level} and {@code log level}. */
    public static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");
    static final int FILE_BYTES = 5 * 1024 * 1024;
    static final int FILES = 5;

    private final Path dir;
    private final Redactor redactor;
    private volatile int level;
    private FileHandler file;

    /** A log in {@code dir} (null: nowhere) at {@code level}. */
    public SessionLog(Path dir, Redactor redactor, String level) {
        this.dir = dir;
        this.redactor = redactor;
        this.level = parse(level);
    }

    public static int parse(String level) {
        int i = LEVELS.indexOf(level == null ? "" : level.toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new AmshException("unknown log level '" + level + "'", "use one of " + String.join(", ", LEVELS));
        }
        return i;
    }

    public String level() {
        return LEVELS.get(level);
    }

    public void setLevel(String level) {
        this.level = parse(level);
    }

    public Path file() {
        return dir == null ? null : dir.resolve("amsh.0.log");
    }

    public boolean enabled(String at) {
        return dir != null && LEVELS.indexOf(at) <= level && level > 0;
    }

    public void info(String message) {
        write("info", message, null);
    }

    public void debug(String message) {
        write("debug", message, null);
    }

    public void trace(String message) {
        write("trace", message, null);
    }

    public void error(String message, Throwable t) {
        write("error", message, enabled("debug") ? t : null);
    }

    private void write(String at, String message, Throwable t) {
        if (!enabled(at)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Instant.now()).append(' ').append(at.toUpperCase(Locale.ROOT)).append(' ')
                .append(Thread.currentThread().getName()).append(' ').append(message).append('\n');
        if (t != null) {
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            sb.append(sw);
        }
        String line = redactor.redact(sb.toString());
        FileHandler handler = handler();
        if (handler != null) {
            handler.publish(new LogRecord(Level.INFO, line));
            handler.flush();
        }
    }

    private synchronized FileHandler handler() {
        if (file == null) {
            try {
                Files.createDirectories(dir);
                file = new FileHandler(dir.resolve("amsh.%g.log").toString(), FILE_BYTES, FILES, true);
                file.setFormatter(new Formatter() {
                    @Override
                    public String format(LogRecord r) {
                        return r.getMessage();
                    }
                });
            } catch (IOException e) {
                // a log that cannot be opened is switched off; the shell works without it
                level = 0;
                return null;
            }
        }
        return file;
    }
}
