package dev.amsh.shell;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.PairContexts;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The day of an outage, as a person starting amsh after a fell sees it: every line runs in a new amsh process (no
 * token held from before), against the shared pair with datacenter a stopped.
 */
@ExtendWith(LocalPairExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageFreshProcessTest {
    LocalPair pair;
    Path dir;
    Path contextsFile;
    Path withRefusingContext;
    AccountContext a;
    AccountContext b;

    @BeforeAll
    void contexts(LocalPair pair) throws IOException {
        this.pair = pair;
        dir = Files.createTempDirectory("amsh-outage");
        Map<String, ContextConfig> configs = PairContexts.configs(pair);
        contextsFile = dir.resolve("contexts.json");
        new ContextsFile(contextsFile).write(new ContextsFile.Content("a", configs));
        // one unrelated context whose sign-in is refused (a's ACS with a wrong key), both datacenters up
        Map<String, ContextConfig> more = new LinkedHashMap<>(configs);
        ContextConfig ca = configs.get("a");
        more.put("c", new ContextConfig(ca.apiRoot(), ContextConfig.Auth.acs(ca.auth().accountName(), "d3Jvbmcga2V5",
                ca.auth().acsUrl()), null, null));
        withRefusingContext = dir.resolve("with-c.json");
        new ContextsFile(withRefusingContext).write(new ContextsFile.Content("a", more));
        Contexts contexts = new Contexts(configs, ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
        a = contexts.get("a");
        b = contexts.get("b");
    }

    /** One line of amsh in a process of its own; its exit status and everything it printed. */
    record Run(int status, String output) {
    }

    Run amsh(Path contexts, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-Damsh.home=" + System.getProperty("amsh.home"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--contexts", contexts.toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "amsh", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "amsh finished: " + String.join(" ", args));
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    Locator origin(Asset asset) {
        return a.ams().listLocatorsOf(asset.id()).stream().filter(Locator::onDemandOrigin).findFirst().orElseThrow();
    }

    @Test
    void locatorInspectInANewProcessNamesTheDownContextAndTheVerdictSaysBServes() throws Exception {
        String name = "outage-insp-" + UUID.randomUUID().toString().substring(0, 6);
        Asset asset = PublishedAssets.make(a, name, 1);
        assertEquals(0, amsh(contextsFile, "-c", "replicate " + name + " --to b").status());
        String url = origin(asset).path() + name + "_640x360_1150.mp4";

        pair.datacenter("a").stop();
        Run down;
        Run compare;
        try {
            down = amsh(contextsFile, "-c", "locator inspect " + url);
            compare = amsh(contextsFile, "-c", "compare a b " + name);
        } finally {
            pair.datacenter("a").start();
        }
        assertEquals(0, down.status(), down.output());
        assertTrue(down.output().contains("a: does not answer: cannot sign in: cannot reach token endpoint"), down.output());
        assertTrue(down.output().contains("b: OnDemandOrigin locator on asset " + asset.containerName()), down.output());
        assertTrue(down.output().contains("verdict: a does not answer (is the datacenter down?); b serves it"), down.output());

        // compare needs both sides: it names the one that does not answer, and says what the other answered
        assertEquals(1, compare.status(), compare.output());
        assertTrue(compare.output().contains("error: context a does not answer: cannot sign in: cannot reach token endpoint"), compare.output());
        assertTrue(compare.output().contains("; b answers ("), compare.output());

        // an unrelated context whose sign-in is refused, both datacenters up: named on its own line, a and b answer
        Run refused = amsh(withRefusingContext, "-c", "locator inspect " + url);
        assertEquals(0, refused.status(), refused.output());
        assertTrue(refused.output().contains("c: could not be read: cannot sign in: sign-in refused by"), refused.output());
        assertTrue(refused.output().contains("; a and b serve it"), refused.output());
        assertFalse(refused.output().contains("d3Jvbmcga2V5"), "no secret in the output");
    }

    @Test
    void verifyWithADownChecksBAgainstWhatTheReplicateRunRecordedOfA() throws Exception {
        String name = "outage-verify-" + UUID.randomUUID().toString().substring(0, 6);
        Asset asset = PublishedAssets.make(a, name, 1);
        Run replicated = amsh(contextsFile, "-c", "replicate " + name + " --to b");
        assertEquals(0, replicated.status(), replicated.output());
        Asset replica = PublishedAssets.replicaOf(b, asset);

        pair.datacenter("a").stop();
        Run held;
        Run broken;
        Run unknown;
        try {
            held = amsh(contextsFile, "-c", "verify " + name + " --to b");
            // b loses a blob: the record says it should be there
            b.storage().container(replica.containerName()).getBlobClient(name + "_AACAudio_128.mp4").delete();
            broken = amsh(contextsFile, "-c", "verify " + name + " --to b");
            unknown = amsh(contextsFile, "-c", "verify never-replicated --to b");
        } finally {
            pair.datacenter("a").start();
        }
        assertEquals(0, held.status(), held.output());
        assertTrue(held.output().contains("a does not answer (cannot sign in: cannot reach token endpoint"), held.output());
        assertTrue(held.output().contains("a was not asked; b is checked against what amsh recorded of a when it replicated "
                + name + " on 20"), held.output());
        assertTrue(held.output().contains("b holds and serves all 4 file(s) as recorded on"), held.output());

        assertEquals(1, broken.status(), broken.output());
        assertTrue(broken.output().contains("DIFF " + name + "_AACAudio_128.mp4"), broken.output());
        assertTrue(broken.output().contains("MISSING on b"), broken.output());
        assertTrue(broken.output().contains("error: 1 of 4 recorded file(s) not held or not served by b (a was not asked)"), broken.output());

        assertEquals(1, unknown.status(), unknown.output());
        assertTrue(unknown.output().contains("and amsh has no record of never-replicated replicated to b"), unknown.output());
    }

    @Test
    void aRunbookWhoseSourceStopsAfterTheRunBeganSaysWhatItsLastStepLeftUndone() throws Exception {
        String prefix = "outage-rep-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < 12; i++) {
            PublishedAssets.make(a, prefix + i, 1);
        }
        Path runs = dir.resolve(".amsh").resolve("runs");
        Files.createDirectories(runs);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-Damsh.home=" + System.getProperty("amsh.home"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--contexts", contextsFile.toString(),
                Path.of(System.getProperty("amsh.home"), "scripts", "replicate-published.groovy").toString(), "--name", prefix + "*"));
        Path log = Files.createTempFile(dir, "amsh", ".log");
        long before = journals(runs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // the journal opens once both sides are read; from then on the run writes to b only
        while (journals(runs) == before && p.isAlive()) {
            Thread.sleep(5);
        }
        pair.datacenter("a").stop();
        try {
            assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        } finally {
            pair.datacenter("a").start();
        }
        String out = Files.readString(log);
        assertTrue(out.contains("12 asset(s), 12 replicated"), out);
        assertTrue(out.contains("the last step, compare a b (reading both datacenters again), could not run: context a does not answer: "), out);
        assertTrue(out.contains("left undone: only that check; the run above finished and left nothing to write on b"), out);
        assertTrue(out.contains("once it answers again: compare a b"), out);
        assertFalse(out.contains("error:"), "the summary and an error never disagree: " + out);
        assertEquals(0, p.exitValue(), out);
        Asset first = a.ams().listAssets(dev.amsh.ams.Query.filter("Name eq '" + prefix + "0'")).toList().get(0);
        PublishedAssets.assertReplicated(a, b, first);
    }

    static long journals(Path runs) throws IOException {
        try (var s = Files.list(runs)) {
            return s.count();
        }
    }
}
