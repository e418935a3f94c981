package dev.amsh.shell;

import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.PairContexts;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.ops.library.ReplicationJournal;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * 50 published assets replicated a -> b by scripts/replicate-published.groovy in an amsh process of its own, with
 * 10% of every request failing (every kind, fixed seeds): every asset done in the first run, every locator and
 * blob on b, b's origin serving a's bytes, no duplicates, nothing temporary left, and a third run that writes
 * nothing. Then the same through the procedure's SAS steps (temporary locators, policies and ACL entries) with the
 * process killed by SIGKILL half way, the run repeated and 'cleanup' run. A pair of its own, so only these assets
 * are in play.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultyReplicationTest {
    static final int ASSETS = 50;

    LocalPair pair;
    Path dir;
    Path contextsFile;
    AccountContext a;
    AccountContext b;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("amsh-faulty");
        pair = new LocalPair(LocalPair.Options.at(dir.resolve("pair"), LocalPairExtension.toolsDir())).start();
        Map<String, ContextConfig> configs = PairContexts.configs(pair);
        contextsFile = dir.resolve("contexts.json");
        new ContextsFile(contextsFile).write(new ContextsFile.Content("a", configs));
        Contexts contexts = new Contexts(configs, ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
        a = contexts.get("a");
        b = contexts.get("b");
    }

    @AfterEach
    void faultsOff() {
        pair.faults().set(FaultPlan.OFF);
    }

    @AfterAll
    void stop() {
        pair.close();
    }

    List<Asset> publish(String prefix) {
        List<Asset> out = new ArrayList<>();
        for (int i = 0; i < ASSETS; i++) {
            // every fifth asset is published twice (two origin locators); every asset has an empty file
            out.add(PublishedAssets.make(a, prefix + i, i % 5 == 0 ? 2 : 1));
        }
        return out;
    }

    void faults(long seed) {
        pair.faults().set(new FaultPlan(0.1, EnumSet.allOf(FaultKind.class), seed, Set.of("a", "b"),
                EnumSet.allOf(Surface.class), null, 0));
    }

    Process amsh(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-Damsh.home=" + System.getProperty("amsh.home"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--contexts", contextsFile.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("amsh.log").toFile())).start();
    }

    int runbook(String glob, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("amsh.home"), "scripts",
                "replicate-published.groovy").toString(), "--name", glob));
        args.addAll(List.of(more));
        Process p = amsh(args.toArray(String[]::new));
        assertTrue(p.waitFor(6, TimeUnit.MINUTES), "the runbook finished");
        return p.exitValue();
    }

    void assertAllReplicated(List<Asset> assets) throws Exception {
        List<Asset> replicas = new ArrayList<>();
        for (Asset s : assets) {
            PublishedAssets.assertReplicated(a, b, s);
            PublishedAssets.assertOriginsServeTheSameBytes(a, b, s);
            replicas.add(PublishedAssets.replicaOf(b, s));
        }
        PublishedAssets.assertNoTemporaries(a, assets);
        PublishedAssets.assertNoTemporaries(b, replicas);
    }

    @Test
    void atTenPercentFaultsEveryAssetIsDoneInTheFirstRunAndAThirdRunWritesNothing() throws Exception {
        List<Asset> assets = publish("f50-");
        faults(42);
        int first = runbook("f50-*");
        long injected = pair.faults().injected().size();
        pair.faults().set(FaultPlan.OFF);
        assertEquals(0, first, "every asset done in the first run; log: " + dir.resolve("amsh.log"));
        assertTrue(injected > 20, "faults were injected: " + injected);
        assertAllReplicated(assets);

        long writes = pair.faults().writes("a") + pair.faults().writes("b");
        assertEquals(0, runbook("f50-*"));
        assertEquals(writes, pair.faults().writes("a") + pair.faults().writes("b"), "a run with nothing to do writes nothing");
    }

    @Test
    void killedHalfWayThenRunAgainLeavesNoDuplicatesOrOrphans() throws Exception {
        List<Asset> assets = publish("k50-");
        Set<String> sourceLocators = new HashSet<>();
        for (Asset s : assets) {
            a.ams().listLocatorsOf(s.id()).forEach(l -> sourceLocators.add(l.id()));
        }
        faults(7);
        Process p = amsh(Path.of(System.getProperty("amsh.home"), "scripts", "replicate-published.groovy").toString(),
                "--via-sas", "--name", "k50-*");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            long done = b.ams().listLocators(Query.all()).stream().filter(l -> sourceLocators.contains(l.id())).count();
            if (done >= sourceLocators.size() / 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(p.isAlive(), "still running at half way");
        p.destroyForcibly(); // SIGKILL: no cleanup of any kind runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        assertEquals(0, runbook("k50-*", "--via-sas"), "the re-run finishes the rest; log: " + dir.resolve("amsh.log"));
        Process cleanup = amsh("-c", "cleanup --on a; cleanup --on b");
        assertTrue(cleanup.waitFor(2, TimeUnit.MINUTES));
        pair.faults().set(FaultPlan.OFF);
        assertEquals(0, cleanup.exitValue(), "cleanup removed what the killed run had made for itself");
        assertAllReplicated(assets);
        for (Asset s : assets) {
            assertEquals(1, b.ams().listAssets(Query.filter("Name eq " + Query.literal(s.containerName()))).toList().size());
        }
        List<Asset> empties = b.ams().listAssets(Query.all()).stream()
                .filter(x -> b.ams().listLocatorsOf(x.id()).stream().noneMatch(Locator::onDemandOrigin))
                .toList();
        assertEquals(List.of(), empties, "no replica without its locators on b");
    }

    @Test
    void replicateKilledHalfWayContinuesItsJournalWithNoDuplicatesOrOrphansAndThenWritesNothing() throws Exception {
        List<Asset> assets = publish("r50-");
        Set<String> sourceLocators = new HashSet<>();
        for (Asset s : assets) {
            a.ams().listLocatorsOf(s.id()).forEach(l -> sourceLocators.add(l.id()));
        }
        // slowed down so there is a half way to kill it at
        Process p = amsh("-c", "replicate --name r50-* --to b --concurrency 2 --max-rps 20");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long done = 0;
        while (System.nanoTime() < deadline && p.isAlive()) {
            done = b.ams().listLocators(Query.all()).stream().filter(l -> sourceLocators.contains(l.id())).count();
            if (done >= sourceLocators.size() / 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(p.isAlive(), "still running at half way (" + done + " of " + sourceLocators.size() + " locators)");
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Path runs = dir.resolve(".amsh").resolve("runs");
        assertTrue(ReplicationJournal.latestUnfinished(runs).isPresent(), "the journal shows the run unfinished");

        Process again = amsh("-c", "replicate --name r50-* --to b");
        assertTrue(again.waitFor(3, TimeUnit.MINUTES));
        String log = Files.readString(dir.resolve("amsh.log"));
        assertEquals(0, again.exitValue(), "the plain re-run finishes; log: " + dir.resolve("amsh.log"));
        assertTrue(log.contains("continuing run "), "it continued the killed run's journal: " + log);
        assertTrue(ReplicationJournal.latestUnfinished(runs).isEmpty(), "the journal ends");
        assertAllReplicated(assets);
        Set<String> ours = new HashSet<>();
        assets.forEach(s -> ours.add(s.id()));
        List<Asset> orphans = b.ams().listAssets(Query.all()).stream()
                .filter(x -> ReplicaTargets.sourceOf(x.alternateId()).map(ours::contains).orElse(false))
                .filter(x -> b.ams().listFiles(x.id()).isEmpty()).toList();
        assertEquals(List.of(), orphans, "no empty replica left on b");

        Process compare = amsh("-c", "compare a b --name r50-*");
        assertTrue(compare.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, compare.exitValue(), "compare finds a and b in sync");
        long writes = pair.faults().writes("a") + pair.faults().writes("b");
        Process third = amsh("-c", "replicate --name r50-* --to b");
        assertTrue(third.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, third.exitValue());
        assertEquals(writes, pair.faults().writes("a") + pair.faults().writes("b"), "a complete library makes no write");
    }
}
