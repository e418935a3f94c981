package dev.amsh.shell.repl;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.OSUtils;

import java.io.IOException;
import java.nio.charset.Charset;

/** The terminal amsh runs in. */
public final class SystemTerminal {
    private SystemTerminal() {
    }

    /**
     * JLine's JNI provider alone when it can open the terminal: left to choose, JLine probes every provider first
     * (the exec one by starting a process), which costs each start tens of milliseconds. Anything else (no native
     * library, input that is not a terminal) gets JLine's own choice, a dumb terminal at worst. The encoding is the
     * one JLine would choose on Linux and macOS (the JVM's default), given: left to choose, it first asks whether
     * charsets "ms0" and "cp0" exist, and each miss makes the JVM search every jar on the class path for a charset
     * provider, on the way to the prompt.
     */
    public static Terminal open() throws IOException {
        Charset encoding = OSUtils.IS_WINDOWS ? null : Charset.defaultCharset();
        try {
            return TerminalBuilder.builder().system(true).name("amsh").provider(TerminalBuilder.PROP_PROVIDER_JNI)
                    .encoding(encoding).dumb(false).build();
        } catch (IllegalStateException | LinkageError noJni) {
            return TerminalBuilder.builder().system(true).name("amsh").encoding(encoding).build();
        }
    }
}
