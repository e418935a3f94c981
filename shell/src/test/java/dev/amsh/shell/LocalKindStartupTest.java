package dev.amsh.shell;

import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.LocalService;
import dev.amsh.shell.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code amsh --local-kind v3|v2,v3}: contexts a and b of the pair's kinds, a pair of other kinds refused in one line,
 * a bad kind refused before anything starts; with no option the start says how to get a v3 pair.
 */
class LocalKindStartupTest {
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

    @Test
    void aBadKindIsOneLineAndStartsNothing() {
        Run r = amsh("--local-kind", "v4", "-c", "context ls");
        assertEquals(2, r.status());
        assertTrue(r.err().strip().startsWith("amsh: --local-kind: unknown kind 'v4'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(home.resolve(".amsh").resolve("local-v4")), "nothing started");
    }

    @Test
    void joinsAMixedPairWithContextsOfItsKindsAndRefusesAnotherKind() throws Exception {
        Path data = home.resolve("pair");
        try (LocalService service = new LocalService(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3)), data.resolve(LocalService.ENDPOINTS_FILE)).start()) {
            Run mixed = amsh("--local-kind", "v2,v3", "--data", data.toString(), "-c", "context ls; endpoints ls --on b");
            assertEquals(0, mixed.status(), mixed.err());
            assertTrue(mixed.err().contains("local pair of kinds a v2, b v3"), mixed.err());
            List<String> rows = mixed.out().lines().toList();
            assertTrue(rows.stream().anyMatch(l -> l.matches("\\*?\\s*a\\s.*\\bv2\\b.*")), mixed.out());
            assertTrue(rows.stream().anyMatch(l -> l.matches("\\s*b\\s.*\\bv3\\b.*")), mixed.out());
            assertTrue(mixed.out().contains("default") && mixed.out().contains("Running"), "b's streaming endpoint: " + mixed.out());

            Run other = amsh("--local-kind", "v3", "--data", data.toString(), "-c", "context ls");
            assertEquals(1, other.status());
            assertTrue(other.err().contains("is of kinds [v2, v3], not [v3, v3]"), other.err());
            assertTrue(other.err().contains("amsh local down --data"), other.err());

            Run plain = amsh("--data", data.toString(), "-c", "context ls");
            assertEquals(0, plain.status(), "without --local-kind the running pair is joined, whatever its kinds: " + plain.err());
            assertTrue(plain.err().contains("local pair of kinds a v2, b v3"), plain.err());
        }
        // no pair runs: the start says how to get a v3 one (help starts nothing)
        Run fresh = amsh("--data", home.resolve("none").toString(), "-c", "help");
        assertTrue(fresh.err().contains("a v3 pair: amsh --local-kind v3"), "the banner says how: " + fresh.err());
        {
        }
    }
}
