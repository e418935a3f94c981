package dev.amsh.shell;

import dev.amsh.emulator.LocalService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a running local pair lives. A pair started with {@code local up --data DIR} leaves a note beside the
 * default data folder, so {@code local down}, {@code local status} and the rest find it without {@code --data}.
 */
public final class RunningPair {
    static final String NOTE = "local-running";

    private RunningPair() {
    }

    static Path note(Path defaultDataDir) {
        return defaultDataDir.toAbsolutePath().getParent().resolve(NOTE);
    }

    /** Records that a pair runs from {@code dataDir} (only when it is not the default folder). */
    public static void remember(Path defaultDataDir, Path dataDir) {
        if (dataDir.toAbsolutePath().normalize().equals(defaultDataDir.toAbsolutePath().normalize())) {
            return;
        }
        try {
            Files.createDirectories(note(defaultDataDir).getParent());
            Files.writeString(note(defaultDataDir), dataDir.toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // without the note, --data still finds it
        }
    }

    public static void forget(Path defaultDataDir, Path dataDir) {
        try {
            Path n = note(defaultDataDir);
            if (Files.isRegularFile(n) && Files.readString(n).strip().equals(dataDir.toAbsolutePath().normalize().toString())) {
                Files.delete(n);
            }
        } catch (IOException ignored) {
            // a stale note is harmless: its pair does not answer
        }
    }

    /**
     * The data folder of the pair to talk to: the one given, else the default when a pair answers there, else
     * the one the note names when that answers.
     */
    public static Path resolve(Path dataDir, boolean given, Path defaultDataDir) {
        if (given || answers(dataDir)) {
            return dataDir;
        }
        try {
            Path n = note(defaultDataDir);
            if (Files.isRegularFile(n)) {
                Path noted = Path.of(Files.readString(n).strip());
                if (answers(noted)) {
                    return noted;
                }
            }
        } catch (IOException ignored) {
            // fall back to the default
        }
        return dataDir;
    }

    private static boolean answers(Path dataDir) {
        return LocalService.control(dataDir.resolve(LocalService.ENDPOINTS_FILE), "/status").isPresent();
    }
}
