package dev.amsh.bench;

import dev.amsh.context.AccountContext;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.Console;
import dev.amsh.shell.Session;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.script.ScriptHost;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Replicating 50 published assets with scripts/replicate-published.groovy, with faults off and with 10% of all
 * requests failing (every kind, one seed), in one run on one pair: both wall times, the ratio, and whether every
 * asset was done in the first run. Usage: scripts/bench faults [ASSETS] [RATE] [SEED]
 */
public final class FaultBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        try (BenchPair p = new BenchPair()) {
            AccountContext a = p.contexts.get("a");
            for (int i = 0; i < n; i++) {
                PublishedAssets.make(a, "calm" + i, i % 5 == 0 ? 2 : 1);
                PublishedAssets.make(a, "storm" + i, i % 5 == 0 ? 2 : 1);
            }
            Result calm = replicate(p, "calm*");
            p.pair.faults().set(new FaultPlan(rate, EnumSet.allOf(FaultKind.class), seed, Set.of("a", "b"),
                    EnumSet.allOf(Surface.class), null, 0));
            Result storm = replicate(p, "storm*");
            int injected = p.pair.faults().injected().size();
            p.pair.faults().set(FaultPlan.OFF);
            System.out.printf("replicating %d published assets (scripts/replicate-published.groovy, one process, one pair)%n", n);
            System.out.printf("  faults off:              %6d ms, first run %s%n", calm.millis, calm.outcome);
            System.out.printf("  %4.1f%% faults (seed %d): %6d ms, first run %s, %d faults injected%n", rate * 100, seed,
                    storm.millis, storm.outcome, injected);
            System.out.printf("  ratio: %.2fx%n", (double) storm.millis / calm.millis);
        }
    }

    record Result(long millis, String outcome) {
    }

    static Result replicate(BenchPair p, String glob) {
        StringWriter out = new StringWriter();
        Session s = new Session(new Redactor(), Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
                Commands.registry(Path.of("target", "no-local-data")), Clock.systemUTC(), ScriptHost::new);
        s.setContexts(p.contexts);
        Path script = Path.of(System.getProperty("amsh.home", "."), "scripts", "replicate-published.groovy");
        long start = System.nanoTime();
        String outcome;
        try {
            s.scripts().runFile(script, List.of("--name", glob));
            outcome = "complete";
        } catch (RuntimeException e) {
            outcome = "INCOMPLETE: " + e.getMessage();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long failed = out.toString().lines().filter(l -> l.startsWith("FAILED")).count();
        return new Result(ms, outcome + (failed > 0 ? " (" + failed + " assets failed)" : ""));
    }
}
