package dev.amsh.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.error.AmshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Commands, variables, Groovy, output formats and redaction through a session on the local pair. */
@ExtendWith(LocalPairExtension.class)
class SessionTest {
    static Path media(Path dir, String name, int size) throws Exception {
        Path f = dir.resolve(name);
        byte[] b = new byte[size];
        new java.util.Random(size).nextBytes(b);
        Files.write(f, b);
        return f;
    }

    @Test
    void resultsKeptInVariablesFeedTheNextCommand(LocalPair pair, @TempDir Path dir) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String prefix = "var" + UUID.randomUUID().toString().substring(0, 6);
        f.session.execute("upload " + media(dir, "clip.mp4", 40_000) + " --force --asset " + prefix + "-clip");
        f.take();

        f.session.execute("x = assets ls --name '" + prefix + "*'");
        assertEquals("", f.take(), "an assignment prints nothing");
        @SuppressWarnings("unchecked")
        List<MediaAsset> x = (List<MediaAsset>) f.session.variables().get("x");
        assertEquals(1, x.size());
        assertEquals(prefix + "-clip", x.get(0).name());

        f.session.execute("copy ${x[0].id} --to b");
        String copied = f.take();
        assertTrue(copied.contains("1 copied, 0 skipped"), copied);
        assertTrue(copied.contains("b:asset-" + x.get(0).id().substring(12) + " (created)"), copied);

        Object count = f.session.execute("assets.ls(name: '" + prefix + "*').size()");
        assertEquals(1, count);
        Object viaGroovy = f.session.execute("copy(x[0], to: 'b').report.blobs[0].status.toString()");
        assertEquals("SKIPPED", viaGroovy, "a runbook call reaches the same copy, which skips what is there");
    }

    @Test
    void outputFormatsAndOneLineErrors(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String name = "fmt" + UUID.randomUUID().toString().substring(0, 6);
        f.session.execute("assets create " + name);
        f.take();
        f.session.execute("assets ls --name " + name + " -o json");
        JsonNode json = new ObjectMapper().readTree(f.take());
        assertEquals(name, json.get(0).get("name").asText());
        f.session.execute("assets ls --name " + name + " -o tsv");
        String tsv = f.take();
        assertTrue(tsv.startsWith(name + "\tnb:cid:UUID:"), tsv);

        AmshException missing = assertThrows(AmshException.class, () -> f.session.execute("assets show nosuch-" + name));
        assertEquals("no asset named 'nosuch-" + name + "' on a (list assets with 'assets ls --name \"nosuch-" + name + "*\"')",
                missing.oneLine());
        AmshException badOption = assertThrows(AmshException.class, () -> f.session.execute("assets ls --bogus"));
        assertTrue(badOption.oneLine().startsWith("unknown option --bogus for assets ls (usage: assets ls"), badOption.oneLine());
        AmshException rm = assertThrows(AmshException.class, () -> f.session.execute("assets rm " + name));
        assertTrue(rm.oneLine().contains("add --yes"), rm.oneLine());
        f.session.execute("assets show " + name);
        assertTrue(f.take().contains(name), "assets rm without --yes changed nothing");
        assertThrows(AmshException.class, () -> f.session.execute("copy"));
    }

    @Test
    void badInputGetsOneLineAndChangesNothing(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        assertEquals("unknown command 'asets' (did you mean 'assets'?) (type 'help' for the commands)",
                assertThrows(AmshException.class, () -> f.session.execute("asets ls")).oneLine());
        assertEquals("--top must be between 1 and 1000000, not -1 (usage: assets ls [--name TEXT] [--filter TEXT] [--top NUMBER])",
                assertThrows(AmshException.class, () -> f.session.execute("assets ls --top -1")).oneLine());
        assertTrue(assertThrows(AmshException.class, () -> f.session.execute("sas read x --hours 0")).oneLine()
                .startsWith("--hours must be between 1 and 8760"));
        assertTrue(assertThrows(AmshException.class, () -> f.session.execute("copy x --to b --concurrency 0")).oneLine()
                .startsWith("--concurrency must be between 1 and 64"));
        assertEquals("exit takes a number, not 'abc' (usage: exit [STATUS])",
                assertThrows(AmshException.class, () -> f.session.execute("exit abc")).oneLine());
        f.session.execute("assert 1 == 1"); // Groovy, not a typo of 'assets'
        f.session.execute("x = []");
        assertTrue(assertThrows(AmshException.class, () -> f.session.execute("copy ${x[5].id} --to b")).oneLine()
                .startsWith("Groovy: Cannot get property 'id' on null object"));
        assertTrue(assertThrows(AmshException.class, () -> f.session.execute("jobs show nb:cid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b"))
                .oneLine().contains("is an asset or file Id, not a job Id"));
        f.take();
        f.session.execute("help assets ls");
        assertTrue(f.take().startsWith("assets ls - list assets"));
    }

    @Test
    void severalCommandsOnALineAndCamelCaseOptionsInRunbooks(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String name = "semi" + UUID.randomUUID().toString().substring(0, 6);
        f.session.execute("assets create " + name + "; assets ls --name " + name + " -o tsv");
        assertTrue(f.take().contains(name + "\tnb:cid:UUID:"));
        Object r = f.session.execute("assets.ls(name: '" + name + "', top: 1).size()");
        assertEquals(1, r);
        AmshException notPublished = assertThrows(AmshException.class,
                () -> f.session.execute("failover('" + name + "', to: 'b', dryRun: true)"));
        assertTrue(notPublished.oneLine().contains("has no origin locator"), "dryRun: became --dry-run: " + notPublished.oneLine());
    }

    @Test
    void secretsNeverReachOutputTraceOrHistory(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String key = pair.endpoints(null, null).get("a").accountKey();
        String storageKey = pair.endpoints(null, null).get("a").storageAccountKey();
        f.session.execute("trace on");
        String name = "sec" + UUID.randomUUID().toString().substring(0, 6);
        f.session.execute("assets create " + name);
        f.session.execute("sas read " + name);
        f.session.execute("context show a");
        f.session.execute("context add c --account-name x --account-key " + key + " --storage-name s --storage-key " + storageKey);
        f.session.execute("history");
        String all = f.take();
        assertTrue(all.contains("POST http://127.0.0.1:"), "the trace shows the calls");
        assertTrue(all.contains("sig=***"), "the SAS URL is shown with its signature masked");
        assertFalse(all.matches("(?s).*sig=[^*].*"), all);
        assertFalse(all.contains(key), "account key");
        assertFalse(all.contains(storageKey), "storage key");
        var tokens = pair.datacenter("a").tokens().issuedTokens();
        assertFalse(tokens.isEmpty(), "the session signed in");
        for (String token : tokens) {
            // the token's signature part is what would let someone act as the account
            String signature = token.substring(Math.max(token.lastIndexOf('='), token.lastIndexOf('.')) + 1);
            assertFalse(all.contains(signature), "a bearer token reached the output");
        }
    }
}
