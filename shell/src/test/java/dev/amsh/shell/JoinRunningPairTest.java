package dev.amsh.shell;

import dev.amsh.ams.model.Asset;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.LocalService;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code amsh -c} with a local pair already running from the data folder: a new amsh process joins it (lists what
 * that pair holds), starts no pair of its own (no Azurite, no process at all) and leaves the running one up.
 */
class JoinRunningPairTest {
    @Test
    void dashCJoinsTheRunningPairAndStartsNothing(@TempDir Path data, @TempDir Path home) throws Exception {
        try (LocalService service = new LocalService(LocalPair.Options.at(data, LocalPairExtension.toolsDir()),
                data.resolve(LocalService.ENDPOINTS_FILE)).start()) {
            Contexts contexts = LocalPairConnector.contextsFor(service.endpoints(),
                    ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
            String name = "joined-" + UUID.randomUUID().toString().substring(0, 8);
            Asset asset = contexts.get("a").ams().createAsset(name, 0, null);
            String endpointsBefore = Files.readString(service.endpointsFile());

            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home, "-Damsh.home=" + System.getProperty("amsh.home", ""),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-c", "assets ls --name " + name));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.redirectOutput(home.resolve("amsh.log").toFile());
            pb.environment().put("AMSH_LOCAL_DATA", data.toString());
            pb.environment().remove("AMSH_CONTEXTS");
            long t0 = System.nanoTime();
            Process amsh = pb.start();
            // every process the -c starts while it runs: joining a pair starts none (a pair of its own starts Azurite)
            List<String> started = new ArrayList<>();
            while (!amsh.waitFor(20, TimeUnit.MILLISECONDS)) {
                amsh.descendants().forEach(d -> started.add(d.info().commandLine().orElse("pid " + d.pid())));
                assertTrue((System.nanoTime() - t0) < TimeUnit.MINUTES.toNanos(2), "amsh -c finished");
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String output = Files.readString(home.resolve("amsh.log"), StandardCharsets.UTF_8);

            assertEquals(0, amsh.exitValue(), output);
            assertTrue(output.contains("connected to the local pair already running from " + data), output);
            assertTrue(output.lines().anyMatch(l -> l.startsWith(name) && l.contains(asset.id())), output);
            assertTrue(output.contains("(1 item)"), output);
            assertEquals(List.of(), started, "processes the -c started");
            // the pair the test started still answers, with the same endpoints
            assertTrue(LocalService.control(service.endpointsFile(), "/status").isPresent());
            assertEquals(endpointsBefore, Files.readString(service.endpointsFile()));
            assertEquals(name, contexts.get("a").ams().getAsset(asset.id()).name());
            System.out.printf("amsh -c 'assets ls' on the running pair: %d ms in a new JVM (no class data sharing)%n", ms);
        }
    }
}
