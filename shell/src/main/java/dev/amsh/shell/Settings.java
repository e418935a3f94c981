package dev.amsh.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;

/** Preferences that outlive a session ({@code hints off}), kept in ~/.amsh/settings; read on first use. */
public final class Settings {
    private final Path file;
    private Properties values;
    private final List<BiConsumer<String, String>> listeners = new ArrayList<>();

    /** Settings kept in {@code file}; {@code null} keeps them for this session only. */
    public Settings(Path file) {
        this.file = file;
    }

    public synchronized boolean isOn(String key, boolean byDefault) {
        String v = loaded().getProperty(key);
        return v == null ? byDefault : v.equals("on");
    }

    public void set(String key, String value) {
        List<BiConsumer<String, String>> notify;
        synchronized (this) {
            loaded().setProperty(key, value);
            save();
            notify = List.copyOf(listeners);
        }
        notify.forEach(l -> l.accept(key, value));
    }

    /** Called with each change, e.g. by the REPL to switch its hints. */
    public synchronized void onChange(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    private Properties loaded() {
        if (values == null) {
            values = new Properties();
            if (file != null && Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    values.load(r);
                } catch (IOException e) {
                    // an unreadable settings file means the defaults; the next change rewrites it
                }
            }
        }
        return values;
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                values.store(w, "amsh settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settings to " + file, e);
        }
    }
}
