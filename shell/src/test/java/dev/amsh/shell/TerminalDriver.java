package dev.amsh.shell;

import dev.amsh.shell.repl.Repl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/** A terminal of its own for the real REPL: keys typed in, the screen read back without escape codes. */
final class TerminalDriver {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final PipedOutputStream keys;
    final ExternalTerminal terminal;

    TerminalDriver() throws IOException {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        keys = new PipedOutputStream(in);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (screen) {
                    screen.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (screen) {
                    screen.write(b, off, len);
                }
            }
        };
        // a terminal whose line discipline is JLine's own, so Ctrl-C typed here raises INT in this process, as a tty
        // raises it for the shell in its foreground (a pty would send it to a process group the test is not in)
        terminal = new ExternalTerminal("amsh-test", "xterm", in, out, StandardCharsets.UTF_8);
        terminal.setSize(new Size(160, 40));
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        terminal.setAttributes(attributes);
    }

    Console console() {
        return Repl.console(terminal);
    }

    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8)
                    .replaceAll("\u001B(\\[[0-9;?]*[A-Za-z~]|[=>78DEMc]|\\][^\u0007]*\u0007|[()][A-Z0-9])", "").replace("\r", "");
        }
    }

    /** The screen since a mark, so a test reads only what its last line printed. */
    String screenSince(int mark) {
        String s = screen();
        return s.substring(Math.min(mark, s.length()));
    }

    int mark() {
        return screen().length();
    }

    void type(String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    void waitFor(String text) throws InterruptedException {
        waitFor(text, 0, Duration.ofSeconds(20));
    }

    /** Waits until the screen after {@code mark} shows {@code text}; returns how long that took. */
    Duration waitFor(String text, int mark, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (!screenSince(mark).contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("the screen never showed '" + text + "':\n" + screenSince(mark));
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Types a line and waits for the next prompt; returns what the line printed. */
    String run(String line, String prompt) throws Exception {
        int mark = mark();
        type(line + "\r");
        // the input line (echoed and redrawn as typed, the prompt with it) ends at the first line end; the output runs
        // from there to the next prompt, which is the one to wait for: a redraw of the input line shows a prompt too
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String s = screenSince(mark);
        while (s.indexOf('\n') < 0 || s.indexOf(prompt, s.indexOf('\n') + 1) < 0) {
            if (System.nanoTime() > deadline) {
                fail("the screen never showed '" + prompt + "' after the line '" + line + "':\n" + s);
            }
            Thread.sleep(10);
            s = screenSince(mark);
        }
        int start = s.indexOf('\n') + 1;
        String out = s.substring(start, s.indexOf(prompt, start));
        // JLine's fresh-line mark before the prompt
        return out.replaceAll("(?m)^~ *$", "");
    }
}
