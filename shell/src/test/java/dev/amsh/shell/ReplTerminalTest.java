package dev.amsh.shell;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.shell.app.Main;
import dev.amsh.shell.repl.Repl;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Drives the real REPL through a terminal of its own: completion, a command, an error, exit. */
@ExtendWith(LocalPairExtension.class)
class ReplTerminalTest {
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PipedOutputStream keys;

    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        }
    }

    void type(String s) throws Exception {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    void waitFor(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!screen().contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("the screen never showed '" + text + "':\n" + screen());
            }
            Thread.sleep(20);
        }
    }

    void waitForTimes(String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (screen().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            if (System.nanoTime() > deadline) {
                fail("the screen never showed '" + text + "' " + times + " times:\n" + screen());
            }
            Thread.sleep(20);
        }
    }

    /** A terminal of the test's own: keys typed through a pipe, the screen kept in {@link #screen}. */
    Terminal terminal() throws Exception {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        keys = new PipedOutputStream(in);
        java.io.OutputStream out = new java.io.OutputStream() {
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
        return TerminalBuilder.builder().system(false).streams(in, out).type("xterm")
                .size(new Size(160, 40)).encoding(StandardCharsets.UTF_8).build();
    }

    @Test
    void completionCommandsErrorsAndExit(LocalPair pair, @TempDir Path home) throws Exception {
        Terminal terminal = terminal();
        ShellFixture f = new ShellFixture(pair, Repl.console(terminal));
        String name = "replcomplete" + UUID.randomUUID().toString().substring(0, 6);
        f.session.runCommandLine("assets create " + name, false);
        f.session.settings().set("hints", "off"); // the hints' lines under the prompt would interleave with the screen read here

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> new Repl(f.session, terminal, t -> Main.errorLine(t, false)).run(home.resolve("history")));
        waitFor("amsh:a> ");

        type("ass\t");
        waitFor("assets ");
        type("sh\t");
        waitFor("assets show ");
        type(name.substring(0, 10) + "\t");
        waitFor("assets show " + name);
        type("\r");
        waitFor("container asset-");
        waitFor("0 of 5 locators)"); // the pty passes the output on in pieces

        type("assets ls --na\t");
        waitFor("assets ls --name ");
        type("'" + name + "*'\r");
        waitFor("(1 item)");

        type("assets show nosuch-" + name + "\r");
        waitFor("error: no asset named 'nosuch-" + name + "' on a");

        type("context use b\r");
        waitFor("amsh:b> ");

        type("exit\r");
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        String history = java.nio.file.Files.readString(home.resolve("history"));
        assertTrue(history.contains("assets show " + name), history);
    }

    @Test
    void aContextAddRecalledFromHistoryIsRefusedAndKeepsTheKey(LocalPair pair, @TempDir Path home) throws Exception {
        Terminal terminal = terminal();
        ShellFixture f = new ShellFixture(pair, Repl.console(terminal));
        f.session.settings().set("hints", "off"); // the hints' lines under the prompt would interleave with the screen read here
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> new Repl(f.session, terminal, t -> Main.errorLine(t, false)).run(home.resolve("history")));
        waitFor("amsh:a> ");
        type("context add h --account-name n --account-key a2V5SGlzdG9yeQ== --storage-name s --storage-key c3RvcmVIaXN0b3J5\r");
        waitFor("context h added");

        type("\u001BOA"); // Up (xterm in keypad mode): the line as history holds it, its secrets masked
        waitFor("--account-key *** --storage-name s --storage-key ***");
        type("\r");
        waitFor("error: '--account-key' and '--storage-key' hold the mask *** that history keeps in place of a typed secret");
        assertTrue(screen().contains("(give '--account-key' and '--storage-key' again: the real value, or env:VARIABLE)"), screen());

        type("\u0012context add h"); // Ctrl-R finds the same masked line
        Thread.sleep(200);
        type("\r");
        waitForTimes("error: '--account-key' and '--storage-key' hold the mask", 2);
        type("exit\r");
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        assertEquals("a2V5SGlzdG9yeQ==", f.session.contexts().configs().get("h").auth().accountKey(), "the key is unchanged");
        assertEquals("c3RvcmVIaXN0b3J5", f.session.contexts().configs().get("h").storage().key());
        String history = java.nio.file.Files.readString(home.resolve("history"));
        assertFalse(history.contains("a2V5SGlzdG9yeQ=="), history);
    }
}
