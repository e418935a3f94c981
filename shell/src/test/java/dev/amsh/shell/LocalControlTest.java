package dev.amsh.shell;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.LocalService;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.script.ScriptHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.*;

/** `local status | stop | start` from a session, through the running service's control endpoint. */
class LocalControlTest {
    @Test
    void outageRehearsalThroughTheControlEndpoint(@TempDir Path data) throws Exception {
        try (LocalService service = new LocalService(LocalPair.Options.at(data, LocalPairExtension.toolsDir()),
                data.resolve(LocalService.ENDPOINTS_FILE)).start()) {
            StringWriter out = new StringWriter();
            Session s = new Session(new Redactor(), Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
                    Commands.registry(data), Clock.systemUTC(), ScriptHost::new);
            s.execute("local stop a");
            assertFalse(service.pair().datacenter("a").running());
            s.execute("local status");
            assertTrue(out.toString().contains("a down") && out.toString().contains("b up"), out.toString());
            s.execute("local start a");
            assertTrue(service.pair().datacenter("a").running());
            AmshException wrong = assertThrows(AmshException.class, () -> s.execute("local stop c"));
            assertTrue(wrong.oneLine().contains("a and b"));
        }
        StringWriter out = new StringWriter();
        Session after = new Session(new Redactor(), Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
                Commands.registry(data), Clock.systemUTC(), ScriptHost::new);
        AmshException none = assertThrows(AmshException.class, () -> after.execute("local status"));
        assertTrue(none.oneLine().contains("no local pair is running"), none.oneLine());
    }
}
