package dev.amsh.shell.repl;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;

/** The terminal amsh runs in. */
public final class SystemTerminal {
    private SystemTerminal() {
    }

    /**
     * JLine's JNI provider alone when it can open the terminal: left to choose, JLine probes every provider first
     * (the exec one by starting a process), which costs each start tens of milliseconds. Anything else (no native
     * library, input that is not a terminal) gets JLine's own choice, a dumb terminal at worst.
     */
    public static Terminal open() throws IOException {
        try {
            return TerminalBuilder.builder().system(true).name("amsh").provider(TerminalBuilder.PROP_PROVIDER_JNI)
                    .dumb(false).build();
        } catch (IllegalStateException | LinkageError noJni) {
            return TerminalBuilder.builder().system(true).name("amsh").build();
        }
    }
}
