package dev.amsh.shell;

import dev.amsh.error.AmshException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Short names for lines ({@code alias ll='assets ls --top 20'}): the first word of a line that is an alias
 * becomes its text, and the rest of the line follows it. Kept in one file (one {@code name=line} a line),
 * read on first use, so every session of the user has them.
 */
public final class Aliases {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final Path file;
    private Map<String, String> aliases;

    /** Aliases kept in {@code file}; {@code null} keeps them for this session only. */
    public Aliases(Path file) {
        this.file = file;
    }

    public synchronized Map<String, String> all() {
        return new TreeMap<>(loaded());
    }

    public synchronized Optional<String> get(String name) {
        return Optional.ofNullable(loaded().get(name));
    }

    public synchronized void define(String name, String line, CommandRegistry registry) {
        if (!NAME.matcher(name).matches()) {
            throw new AmshException("'" + name + "' cannot name an alias", "use letters, digits, - and _, e.g. alias ll='assets ls --top 20'");
        }
        if (registry.isHead(name)) {
            throw new AmshException("'" + name + "' is a command; an alias cannot hide it", "pick another name");
        }
        if (line.isBlank()) {
            throw new AmshException("alias " + name + " needs the line it stands for", "e.g. alias " + name + "='assets ls --top 20'");
        }
        loaded().put(name, line.strip());
        save();
    }

    public synchronized boolean remove(String name) {
        boolean had = loaded().remove(name) != null;
        if (had) {
            save();
        }
        return had;
    }

    /** The line with a leading alias replaced by its text; an alias's own first word is not expanded again. */
    public synchronized String expand(String line) {
        String stripped = line.stripLeading();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        String first = stripped.substring(0, end);
        String text = loaded().get(first);
        return text == null ? line : text + stripped.substring(end);
    }

    private Map<String, String> loaded() {
        if (aliases == null) {
            aliases = new TreeMap<>();
            if (file != null && Files.exists(file)) {
                try {
                    for (String l : Files.readAllLines(file)) {
                        int eq = l.indexOf('=');
                        if (eq > 0) {
                            aliases.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
                        }
                    }
                } catch (IOException e) {
                    throw new AmshException("cannot read the aliases in " + file + ": " + e.getMessage(), "check the file");
                }
            }
        }
        return aliases;
    }

    private void save() {
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        aliases.forEach((k, v) -> lines.add(k + "=" + v));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the aliases to " + file, e);
        }
    }
}
