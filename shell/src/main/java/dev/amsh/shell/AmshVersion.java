package dev.amsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** amsh's own version, as the build wrote it into amsh-version.properties. */
public final class AmshVersion {
    private AmshVersion() {
    }

    public static String version() {
        try (InputStream in = AmshVersion.class.getResourceAsStream("amsh-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
