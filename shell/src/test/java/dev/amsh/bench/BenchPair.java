package dev.amsh.bench;

import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.LocalPairConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A fresh local pair in a temporary folder, for one benchmark run. */
final class BenchPair implements AutoCloseable {
    final LocalPair pair;
    final Contexts contexts;

    BenchPair() throws Exception {
        this(null);
    }

    /** A pair of the given kinds (null: today's v2 pair). */
    BenchPair(List<DatacenterKind> kinds) throws Exception {
        String home = System.getProperty("amsh.home", System.getProperty("user.dir"));
        Path data = Files.createTempDirectory("amsh-bench");
        LocalPair.Options options = LocalPair.Options.at(data, Path.of(home, ".amsh", "tools"));
        pair = new LocalPair(kinds == null ? options : options.withKinds(kinds)).start();
        contexts = LocalPairConnector.contextsFor(pair.endpoints(null, null),
                ContextEnvironment.create(new Redactor(), t -> { }, Map.of()));
    }

    @Override
    public void close() {
        pair.close();
    }
}
