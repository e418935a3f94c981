package dev.amsh.shell;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.LocalService;
import dev.amsh.shell.app.Main;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Nothing amsh starts outlives it: lines that need no datacenter start no pair, a JVM that ends while its pair is
 * half-started stops Azurite too, and an amsh that joined another's pair says so when that pair has gone. Every
 * line runs in a new process; leftovers are counted by the processes whose command line names the test's folder.
 */
class OrphanedProcessTest {
    static Process amsh(Path home, Path data, Path contexts, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Damsh.home=" + System.getProperty("amsh.home"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--contexts", contexts.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("amsh.log").toFile()));
        pb.environment().put("AMSH_LOCAL_DATA", data.toString());
        pb.environment().remove("AMSH_CONTEXTS");
        return pb.start();
    }

    /** Processes still alive whose command line names {@code dir} (Azurite runs with --location under it). */
    static List<ProcessHandle> leftovers(Path dir) {
        return ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(dir.toString())).toList();
    }

    static List<ProcessHandle> leftoversAfter(Path dir, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        List<ProcessHandle> left = leftovers(dir);
        while (!left.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            left = leftovers(dir);
        }
        return left;
    }

    @Test
    void sixteenRunsOfHelpWithAnEmptyContextsFileStartNoPairAndLeaveNoProcess() throws Exception {
        Path home = Files.createTempDirectory("amsh-orphans");
        Path data = home.resolve("local-data");
        Path empty = Files.writeString(home.resolve("EMPTY.json"), "{}");
        for (int i = 0; i < 16; i++) {
            Process p = amsh(home, data, empty, "-c", i % 2 == 0 ? "help" : "help compare");
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "amsh -c help finished");
            assertEquals(0, p.exitValue(), Files.readString(home.resolve("amsh.log")));
        }
        String log = Files.readString(home.resolve("amsh.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("compare FROM TO"), log);
        assertFalse(Files.exists(data.resolve("azurite")), "no pair was started for a line that needs no datacenter");
        assertEquals(List.of(), leftovers(home), "no process left after 16 runs");
    }

    @Test
    void anAmshEndedWhileItsPairIsStartingStopsTheHalfStartedAzurite() throws Exception {
        Path home = Files.createTempDirectory("amsh-orphans");
        Path empty = Files.writeString(home.resolve("EMPTY.json"), "{}");
        int killedDuringStart = 0;
        for (int i = 0; i < 4; i++) {
            Path data = home.resolve("local-data-" + i);
            Process p = amsh(home, data, empty, "-c", "assets ls");
            Path pid = data.resolve("azurite").resolve("azurite.pid");
            while (!Files.exists(pid) && p.isAlive()) {
                Thread.sleep(5);
            }
            if (p.isAlive() && !Files.exists(data.resolve(LocalService.ENDPOINTS_FILE))) {
                killedDuringStart++;
            }
            p.destroy(); // SIGTERM, as a closed terminal or a CI timeout sends
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "amsh ended");
            assertEquals(List.of(), leftoversAfter(data, 10_000), "no Azurite left from run " + i);
        }
        assertTrue(killedDuringStart > 0, "at least one run was ended while its pair was starting");
    }

    @Test
    void anAmshThatJoinedAnotherAmshsPairSaysSoWhenThatPairHasGone() throws Exception {
        Path home = Files.createTempDirectory("amsh-orphans");
        Path data = home.resolve("local-data");
        Path empty = Files.writeString(home.resolve("EMPTY.json"), "{}");
        // the first amsh's pair, started here
        LocalService first = new LocalService(LocalPair.Options.at(data, LocalPairExtension.toolsDir()),
                data.resolve(LocalService.ENDPOINTS_FILE)).start();
        Path marker = home.resolve("first-gone");
        Process second;
        try {
            second = amsh(home, data, empty, "-c", "assets ls; while (!new File('" + marker + "').exists()) { sleep(50) }; assets ls");
            String log = "";
            for (int i = 0; i < 600 && !log.contains("(none)") && !log.contains("nb:cid"); i++) {
                Thread.sleep(100);
                log = Files.readString(home.resolve("amsh.log"));
            }
            assertTrue(log.contains("connected to the local pair already running from " + data), log);
        } finally {
            first.close();
        }
        Files.writeString(marker, "");
        assertTrue(second.waitFor(2, TimeUnit.MINUTES));
        String log = Files.readString(home.resolve("amsh.log"));
        assertEquals(1, second.exitValue(), log);
        assertTrue(log.contains("amsh: the local pair this amsh joined (running from " + data + ") has stopped: the amsh that "
                + "started it exited; start amsh again, or keep a pair for several shells with 'amsh local up --detach'"), log);
        assertEquals(List.of(), leftoversAfter(home, 10_000), "nothing left behind");
    }
}
