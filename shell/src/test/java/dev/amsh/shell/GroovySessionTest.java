package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.app.Main;
import dev.amsh.shell.script.ScriptHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Typed Groovy keeps what it defines, as groovysh's interpreter mode does; no datacenter needed. */
class GroovySessionTest {
    final StringWriter out = new StringWriter();
    final Session session = new Session(new Redactor(), Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
            Commands.registry(Path.of("target", "no-local-data")), Clock.systemUTC(), ScriptHost::new);

    @Test
    void variablesMethodsClassesAndImportsLastTheSession() throws Exception {
        session.execute("def n = 20");
        session.execute("int g = 7"); // 'int' is Groovy, not a typo of a command
        session.execute("long big = 1L << 40");
        session.execute("String s");
        session.execute("def f(n) { n * 2 }");
        assertEquals(42, session.execute("f(21)"));
        assertEquals(14, session.execute("f(g)"));
        assertNull(session.execute("s"));
        assertEquals(21, session.execute("n + 1"));

        session.execute("import java.time.Instant");
        assertEquals("1970-01-01T00:00:00Z", session.execute("Instant.EPOCH.toString()"));

        assertNull(session.execute("class P { int x; String toString() { 'P' + x } }"));
        assertFalse(out.toString().contains("main"), out.toString());
        assertEquals("P5", session.execute("new P(x: 5).toString()"));
        assertEquals("P6", session.execute("def mk(int v) { new P(x: v) }; mk(6).toString()"));

        session.execute("def f(n) { n * 3 }");
        assertEquals(63, session.execute("f(21)"), "a redefined method replaces the kept one");

        out.getBuffer().setLength(0);
        session.execute("vars");
        String vars = out.toString();
        assertTrue(vars.contains("g ") && vars.contains("Integer  7"), vars);
        assertTrue(vars.contains("def f(n) { n * 3 }"), vars);
        assertTrue(vars.contains("def mk(int v)"), vars);
        assertTrue(vars.contains("classes\n  P"), vars);
        assertTrue(vars.contains("import java.time.Instant"), vars);
        assertFalse(vars.contains("__amsh"), vars);

        session.execute("reset");
        AmshException gone = assertThrows(AmshException.class, () -> session.execute("f(1)"));
        assertTrue(gone.getMessage().contains("f"), gone.getMessage());
        assertThrows(AmshException.class, () -> session.execute("g"));
        assertThrows(AmshException.class, () -> session.execute("Instant.EPOCH"));
    }

    @Test
    void aLineOfStatementsRunsInTurn() throws Exception {
        assertEquals(3, session.execute("x = [1, 2, 3]; x.size()"));
        assertEquals(6, session.execute("int t = 0; for (int i = 0; i < 4; i++) { t += i }; t"));
        out.getBuffer().setLength(0);
        assertEquals(10, session.execute("sh('y = 5; y * 2')"), "sh() runs a line as typed");
        assertEquals("10", out.toString().strip(), "and prints only the outer result");
    }

    @Test
    void aRunbookErrorNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("script.groovy");
        Files.writeString(script, "// a runbook\ndef n = 2\nprintln n\nthrow new IllegalStateException('boom from runbook')\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> session.scripts().runFile(script, List.of()));
        String line = Main.errorLine(e, false);
        assertEquals("error: script.groovy:4: IllegalStateException: boom from runbook\n"
                + "  4 | throw new IllegalStateException('boom from runbook')", line);

        Files.writeString(script, "x = 1\nassets.ls(top: 0)\n");
        String command = Main.errorLine(assertThrows(RuntimeException.class, () -> session.scripts().runFile(script, List.of())), false);
        assertTrue(command.startsWith("error: script.groovy:2: "), command);
        assertTrue(command.endsWith("\n  2 | assets.ls(top: 0)"), command);
    }

    @Test
    void theLogKeepsLinesAndCommandsWithSecretsMasked(@TempDir Path dir) throws Exception {
        session.setLog(new SessionLog(dir, new Redactor(), "debug"));
        session.execute("u = 'https://acct.blob.core.windows.net/c/f.mp4?sv=2020&sig=TopSecretSignature123'");
        session.execute("vars");
        assertThrows(AmshException.class, () -> session.execute("assets ls --top 0"));
        String log = Files.readString(dir.resolve("amsh.0.log"));
        assertTrue(log.contains("INFO amsh-") || log.contains("INFO main") || log.contains(" INFO "), log);
        assertTrue(log.contains("line: vars") && log.contains("vars ok in"), log);
        assertTrue(log.contains("assets ls failed"), log);
        assertFalse(log.contains("TopSecretSignature123"), "a SAS signature never reaches the log:\n" + log);
        out.getBuffer().setLength(0);
        session.execute("log --lines 3");
        assertTrue(out.toString().contains("log level debug, file " + dir.resolve("amsh.0.log")), out.toString());
        session.execute("log off");
        session.execute("1 + 1");
        assertFalse(Files.readString(dir.resolve("amsh.0.log")).contains("line: 1 + 1"), "off writes nothing");
    }

    @Test
    void loopsStopWhenTheThreadIsInterrupted() throws Exception {
        Thread worker = new Thread(() -> assertThrows(Exception.class, () -> session.execute("while (true) { }")));
        worker.start();
        Thread.sleep(300);
        worker.interrupt();
        worker.join(1000);
        assertFalse(worker.isAlive(), "an interrupted busy loop ends");
    }

    @Test
    void helpNamesWhatAPowerUserReachesFor() throws Exception {
        String help = (String) session.runCommandLine("help", false);
        for (String named : List.of("| where {", "| replicate --to b", "'vars'", "'reset'", "alias ll=", "ending in & runs in the background",
                "'bg'", "'kill %N'")) {
            assertTrue(help.contains(named), "help names " + named + ":\n" + help);
        }
        assertTrue(help.contains("  kill "), "kill is listed among the commands");
    }
}
