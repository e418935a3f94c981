package dev.amsh.shell;

import dev.amsh.context.ContextEnvironment;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.script.ScriptHost;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A session on the shared local pair whose output tests read back. */
final class ShellFixture {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Redactor redactor = new Redactor();
    final Session session;
    final LocalPair pair;

    ShellFixture(LocalPair pair, Console console) {
        this(pair, console, Path.of("target", "no-local-data"));
    }

    /** With the local data folder of a pair running as a service: its control endpoint answers local, front and drill. */
    ShellFixture(LocalPair pair, Console console, Path localData) {
        this.pair = pair;
        Console c = console != null ? console : Console.plain(new PrintWriter(out, true), new PrintWriter(err, true));
        session = new Session(redactor, c, Commands.registry(localData), Clock.systemUTC(), ScriptHost::new);
        session.setToolsDir(LocalPairExtension.toolsDir());
        try {
            // under target, not the temp folder: TemporaryFilesTest counts what is left there
            Path runs = Files.createDirectories(Path.of("target", "test-runs"));
            session.setRunsDir(Files.createTempDirectory(runs, "amsh-runs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContextEnvironment env = ContextEnvironment.create(redactor, session.traceSink(), Map.of());
        session.setContexts(LocalPairConnector.contextsFor(pair.endpoints(null, null), env));
    }

    ShellFixture(LocalPair pair) {
        this(pair, null);
    }

    String output() {
        return out.toString();
    }

    String take() {
        String s = out.toString() + err.toString();
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return s;
    }
}
