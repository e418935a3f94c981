package dev.amsh.shell;

import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextsFile;
import dev.amsh.shell.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Help and version at start-up print their text, exit 0 and start nothing (no pair, no data folder). */
class StartupHelpTest {
    @TempDir
    Path home;

    record Run(int status, String out, String err) {
    }

    Run amsh(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            status = new Main(Map.of(), home).run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    void assertNothingStarted(Path data) throws Exception {
        assertFalse(Files.exists(data), "no data folder made: " + data);
        try (Stream<Path> made = Files.walk(home)) {
            assertEquals(1, made.count(), "nothing written under home");
        }
    }

    @Test
    void localHelpPrintsUsageAndStartsNothing() throws Exception {
        Path data = home.resolve("pair");
        for (String[] args : new String[][] {{"local", "--help"}, {"local", "up", "--help"}, {"local", "up", "--data", data.toString(), "-h"},
                {"local", "up", "--detach", "--help"}, {"local", "up", "--kind", "v3", "--help"}}) {
            Run r = amsh(args);
            assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().startsWith("usage: amsh local up [--data DIR]"), r.out());
            assertTrue(r.out().contains("amsh local stop a|b"), r.out());
            assertEquals("", r.err(), "nothing started, nothing logged");
        }
        assertNothingStarted(data);
    }

    @Test
    void localWithAMissingValueSaysSo() {
        Run r = amsh("local", "up", "--data");
        assertEquals(2, r.status());
        assertEquals("amsh local: --data needs a value", r.err().strip());
    }

    @Test
    void versionAndHelpName() throws Exception {
        Run v = amsh("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().strip().matches("amsh \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), v.out());
        Run h = amsh("--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("amsh --version"), h.out());
        assertNothingStarted(home.resolve(".amsh"));
    }

    @Test
    void aGroupTakesHelpAsEveryCommandDoes() throws Exception {
        Path contexts = home.resolve("contexts.json");
        new ContextsFile(contexts).write(new ContextsFile.Content("d", Map.of("d", new ContextConfig("http://127.0.0.1:9/api/",
                ContextConfig.Auth.acs("x", "eA==", "http://127.0.0.1:9/acs"), null, null))));
        String version = amsh("--version").out().strip().substring("amsh ".length());
        Run r = amsh("--contexts", contexts.toString(), "-c", "assets --help; help");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  assets ls "), r.out());
        assertTrue(r.out().contains("  assets show "), r.out());
        assertTrue(r.out().contains("'assets SUBCOMMAND --help' shows one of them."), r.out());
        assertTrue(r.out().contains("amsh " + version + " commands"), "help names the version: " + r.out());
        assertTrue(amsh("--contexts", contexts.toString(), "-c", "assets -h").out().contains("  assets rm "));
    }
}
