package dev.amsh.emulator.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for helper processes (Azurite, ffmpeg) that must not share the terminal's process group:
 * a Ctrl-C typed at the shell's prompt is for the shell, and must not reach its storage or its encoder.
 */
public final class Detached {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Detached() {
    }

    public static List<String> command(List<String> cmd) {
        if (!Files.isExecutable(SETSID)) {
            return cmd;
        }
        List<String> out = new ArrayList<>();
        out.add(SETSID.toString());
        out.addAll(cmd);
        return out;
    }
}
