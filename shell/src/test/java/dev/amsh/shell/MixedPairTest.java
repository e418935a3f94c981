package dev.amsh.shell;

import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.app.Main;
import dev.amsh.shell.script.ScriptHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A real account beside the emulator is never hidden: the save message and every start say which is which. */
@ExtendWith(LocalPairExtension.class)
class MixedPairTest {
    static final ContextConfig REAL = new ContextConfig("https://realacct.restv2.westeurope.media.azure.net/api/",
            ContextConfig.Auth.acs("realacct", "env:REAL_KEY", null), null, null);

    static Path file(Path dir, String json) throws Exception {
        Path f = dir.resolve("contexts.json");
        Files.writeString(f, json);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void contextAddOfAOnThePairSaysAIsRealAndBTheEmulatorAndEveryStartSaysSo(LocalPair pair) throws Exception {
        Path dir = Files.createTempDirectory("amsh-mixed");
        ContextsFile file = new ContextsFile(dir.resolve("contexts.json"));
        StringWriter out = new StringWriter();
        Redactor redactor = new Redactor();
        Session session = new Session(redactor, Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
                Commands.registry(Path.of("target", "no-local-data")), Clock.systemUTC(), ScriptHost::new);
        ContextEnvironment env = ContextEnvironment.create(redactor, session.traceSink(), Map.of());
        session.setContexts(LocalPairConnector.contextsFor(pair.endpoints(null, null), env, file));

        session.execute("context add a --api-root " + REAL.apiRoot() + " --account-name realacct --account-key env:REAL_KEY");
        assertTrue(out.toString().contains("context a saved to " + file.path() + " beside the local pair: a is now this account,"
                + " here and at every start, while b stays the local pair's emulator (a mixed pair: every start says so;"
                + " 'context rm a' gives a back to the pair from the next start)"), out.toString());
        assertFalse(out.toString().contains("instead of the local pair"), "no promise the file does not keep");
        assertTrue(file.read().besideLocalPair());

        String banner = LocalPairConnector.banner("contexts beside the local pair (" + file.path() + ")", file);
        assertTrue(banner.startsWith("contexts beside the local pair (" + file.path() + "): context b uses the local pair"
                + " of datacenters; a comes from " + file.path()), banner);
        assertTrue(banner.contains("\namsh: MIXED: a is an account of that file in place of the local pair's, beside the"
                + " emulator's b; 'context rm a' gives it back to the pair from the next start"), banner);
        assertFalse(banner.contains("contexts a and b use the local pair"), banner);

        // the next start, in a process of its own: the banner names the mix before anything runs
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-Damsh.home=" + System.getProperty("amsh.home"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--contexts", file.path().toString(), "-c", "help"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("start.log").toFile());
        pb.environment().put("AMSH_LOCAL_DATA", dir.resolve("local").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        String start = Files.readString(dir.resolve("start.log"));
        assertEquals(0, p.exitValue(), start);
        assertTrue(start.contains("amsh: MIXED: a is an account of that file in place of the local pair's, beside the emulator's b"), start);
        assertFalse(start.contains("no contexts configured"), start);
    }

    @Test
    void theCurrentContextOfTheFileIsHonouredBesideThePair(LocalPair pair) throws Exception {
        Path dir = Files.createTempDirectory("amsh-mixed");
        ContextsFile file = new ContextsFile(file(dir, "{}"));
        file.write(new ContextsFile.Content("prod", Map.of("prod", REAL), true));
        Contexts contexts = LocalPairConnector.contextsFor(pair.endpoints(null, null),
                ContextEnvironment.create(new Redactor(), t -> { }, Map.of()), file);
        assertEquals("prod", contexts.currentName());
        assertEquals(List.of("a", "b", "prod"), contexts.names());
        String banner = LocalPairConnector.banner("contexts beside the local pair (" + file.path() + ")", file);
        assertEquals("contexts beside the local pair (" + file.path() + "): contexts a and b use the local pair of datacenters;"
                + " prod comes from " + file.path() + " (current: prod); 'help' lists the commands", banner);
    }

    @Test
    void aCurrentTheFileDoesNotHoldIsSaidAtTheStart() throws Exception {
        Path dir = Files.createTempDirectory("amsh-mixed");
        ContextsFile file = new ContextsFile(file(dir, "{\"current\": \"prod\"}"));
        String banner = LocalPairConnector.banner("no contexts configured (" + file.path() + ")", file);
        assertTrue(banner.contains("\namsh: " + file.path() + " names 'prod' as the current context but holds no context of"
                + " that name; add it with 'context add prod …', or use one of a, b"), banner);
    }
}
