package dev.amsh.shell;

import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextsFile;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.PairContexts;
import dev.amsh.shell.app.Main;
import dev.amsh.shell.repl.Repl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The REPL of a power user, typed into a terminal of its own: Groovy that keeps state, pipes, --query, Ctrl-C. */
@ExtendWith(LocalPairExtension.class)
class PowerUserTerminalTest {
    static final String PROMPT_A = "amsh:a> ";

    record Running(TerminalDriver t, ShellFixture f, CompletableFuture<Integer> exit) {
    }

    static Running start(LocalPair pair, Path home) throws Exception {
        return start(pair, home, false);
    }

    /** A REPL on the pair; the inline hints redraw the lines under the prompt, so most tests read the screen without them. */
    static Running start(LocalPair pair, Path home, boolean hints) throws Exception {
        TerminalDriver t = new TerminalDriver();
        ShellFixture f = new ShellFixture(pair, t.console());
        f.session.setHomeDir(home);
        f.session.setInitScript(home.resolve("init.groovy"));
        f.session.settings().set("hints", hints ? "on" : "off");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> new Repl(f.session, t.terminal, e -> Main.errorLine(e, false)).run(home.resolve("history")));
        t.waitFor(PROMPT_A);
        return new Running(t, f, exit);
    }

    static void stop(Running r) throws Exception {
        r.t().type("exit\r");
        assertEquals(0, r.exit().get(20, TimeUnit.SECONDS));
    }

    @Test
    void methodsImportsAndClassesTypedStayForLaterLines(LocalPair pair, @TempDir Path home) throws Exception {
        Running r = start(pair, home);
        TerminalDriver t = r.t();
        assertEquals("", t.run("def f(n) { n * 2 }", PROMPT_A).strip());
        assertTrue(t.run("f(21)", PROMPT_A).contains("42"));
        t.run("import java.time.Instant", PROMPT_A);
        t.run("int g = 7", PROMPT_A);
        String instant = t.run("Instant.ofEpochSecond(g * 100).toString()", PROMPT_A);
        assertTrue(instant.contains("1970-01-01T00:11:40Z"), instant);
        String defined = t.run("class P { String n; String hi() { 'hi ' + n } }", PROMPT_A);
        assertFalse(defined.contains("main") || defined.contains("error"), defined);
        assertTrue(t.run("new P(n: 'there').hi()", PROMPT_A).contains("hi there"));
        String vars = t.run("vars", PROMPT_A);
        assertTrue(vars.contains("def f(n) { n * 2 }") && vars.contains("import java.time.Instant") && vars.contains("  P"), vars);
        stop(r);
    }

    @Test
    void oneLineMeansTheSameTypedAndInDashC(LocalPair pair, @TempDir Path home) throws Exception {
        String prefix = "same" + UUID.randomUUID().toString().substring(0, 6);
        Running r = start(pair, home);
        r.f().session.runCommandLine("assets create " + prefix + "-1", false);
        r.f().session.runCommandLine("assets create " + prefix + "-2", false);
        String line = "x = assets ls --name '" + prefix + "*'; x.size()";
        String typed = r.t().run(line, PROMPT_A).strip();
        assertEquals("2", typed, "typed");
        stop(r);

        Path contexts = home.resolve("contexts.json");
        new ContextsFile(contexts).write(new ContextsFile.Content("a", PairContexts.configs(pair)));
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = new Main(Map.of(), home).run(new String[] {"--contexts", contexts.toString(), "-c", line});
        } finally {
            System.setOut(out);
        }
        assertEquals(0, status);
        assertEquals(typed, captured.toString(StandardCharsets.UTF_8).strip(), "-c");
    }

    @Test
    void pipesIntoGroovyAndIntoACommandAndQuery(LocalPair pair, @TempDir Path home) throws Exception {
        String prefix = "pipe" + UUID.randomUUID().toString().substring(0, 6);
        Running r = start(pair, home);
        for (String n : List.of("movie", "music", "trailer")) {
            r.f().session.runCommandLine("assets create " + prefix + "-" + n, false);
        }
        String selected = r.t().run("assets ls --name '" + prefix + "*' | where { it.name.contains('-m') } | select name, id", PROMPT_A);
        assertTrue(selected.contains("NAME") && selected.contains("ID"), selected);
        assertTrue(selected.contains(prefix + "-movie") && selected.contains(prefix + "-music"), selected);
        assertFalse(selected.contains(prefix + "-trailer"), selected);
        assertTrue(selected.contains("(2 items)"), selected);

        String onContexts = r.t().run("[a.assets(name: '" + prefix + "*').size(), b.assets.ls(name: '" + prefix + "*').size(), a.name()]",
                PROMPT_A);
        assertTrue(onContexts.contains("3") && onContexts.contains("0"), "a and b are contexts with commands as methods:\n" + onContexts);

        String names = r.t().run("assets ls --name '" + prefix + "*' --query '[].name' -o tsv", PROMPT_A);
        assertEquals(List.of(prefix + "-movie", prefix + "-music", prefix + "-trailer"),
                names.strip().lines().map(String::strip).sorted().toList(), names);
        String one = r.t().run("assets ls --name '" + prefix + "-movie' --query '[0].{n: name}' -o json", PROMPT_A);
        assertTrue(one.contains("\"n\" : \"" + prefix + "-movie\""), one);

        int onBBefore = count(r.f(), "assets ls --on b --top 100000");
        String copied = r.t().run("assets ls --name '" + prefix + "-t*' | copy --to b", PROMPT_A);
        MediaAsset trailer = only(r.f(), prefix + "-trailer");
        assertTrue(copied.contains("copied a:" + prefix + "-trailer -> b:asset-" + trailer.id().substring(12) + " (created)"), copied);
        assertFalse(copied.contains("-movie") || copied.contains("-music"), copied);
        assertEquals(onBBefore + 1, count(r.f(), "assets ls --on b --top 100000"), "the piped asset, and only it, went to b");
        stop(r);
    }

    static int count(ShellFixture f, String line) throws Exception {
        return ((List<?>) Session.unwrap(f.session.runCommandLine(line, false))).size();
    }

    @Test
    void anAliasSurvivesARestartAndTheInitScriptDefinesHelpers(LocalPair pair, @TempDir Path home) throws Exception {
        String prefix = "alias" + UUID.randomUUID().toString().substring(0, 6);
        Files.writeString(home.resolve("init.groovy"), "// helpers for every session\n"
                + "import java.time.Duration\n"
                + "def named(String glob) { assets.ls(name: glob) }\n"
                + "def minutes(int n) { Duration.ofMinutes(n).toString() }\n");
        Running r = start(pair, home);
        r.f().session.runCommandLine("assets create " + prefix + "-1", false);
        r.f().session.runCommandLine("assets create " + prefix + "-2", false);
        assertTrue(r.t().run("alias mine='assets ls --name " + prefix + "*'", PROMPT_A).contains("alias mine="));
        assertTrue(r.t().run("mine --top 1", PROMPT_A).contains("(1 item)"));
        stop(r);

        Running again = start(pair, home);
        String listed = again.t().run("alias", PROMPT_A);
        assertTrue(listed.contains("alias mine='assets ls --name " + prefix + "*'"), listed);
        assertTrue(again.t().run("mine", PROMPT_A).contains("(2 items)"), "the alias holds after a restart");
        assertTrue(again.t().run("n = mine; n.size()", PROMPT_A).contains("2"), "an alias's result can be kept");
        assertTrue(again.t().run("named('" + prefix + "*').size()", PROMPT_A).contains("2"), "a helper from init.groovy");
        assertTrue(again.t().run("minutes(90)", PROMPT_A).contains("PT1H30M"), "with the init script's import");
        assertTrue(again.t().run("unalias mine", PROMPT_A).contains("removed alias mine"));
        stop(again);
        assertFalse(Files.readString(home.resolve("aliases")).contains("mine"));

        Files.writeString(home.resolve("init.groovy"), "def ok() { 1 }\n\nthrow new IllegalStateException('init is broken')\n");
        Running broken = start(pair, home);
        String first = broken.t().run("ok()", PROMPT_A);
        assertTrue(first.contains("amsh: init.groovy:3: IllegalStateException: init is broken"), first);
        assertTrue(first.contains("3 | throw new IllegalStateException('init is broken')"), first);
        stop(broken);
    }

    @Test
    void tabCompletesLiveObjectsAndOptionValues(LocalPair pair, @TempDir Path home) throws Exception {
        String prefix = "tab" + UUID.randomUUID().toString().substring(0, 6);
        Running r = start(pair, home);
        TerminalDriver t = r.t();
        r.f().session.runCommandLine("assets create " + prefix + "-1", false);
        t.run("x = assets ls --name '" + prefix + "*'", PROMPT_A);
        int mark = t.mark();
        t.type("x[0].alt\t");
        t.waitFor("ernateId ", mark, Duration.ofSeconds(10));
        t.type("\u0015"); // clear the line
        mark = t.mark();
        t.type("x[0].\t\t");
        t.waitFor("storageAccount", mark, Duration.ofSeconds(10));
        assertTrue(t.screenSince(mark).contains("created"), t.screenSince(mark));
        t.type("\u0015");
        mark = t.mark();
        t.type("x.si\t");
        t.waitFor("ze(", mark, Duration.ofSeconds(10));
        t.type(")\r");
        t.waitFor("1", mark + 8, Duration.ofSeconds(10));
        t.waitFor(PROMPT_A, mark + 8, Duration.ofSeconds(10));

        mark = t.mark();
        t.type("drill --format \t\t");
        t.waitFor("smooth", mark, Duration.ofSeconds(10));
        assertTrue(t.screenSince(mark).contains("dash"), t.screenSince(mark));
        t.type("\u0015");
        mark = t.mark();
        t.type("front set --mode st\t");
        t.waitFor("eering ", mark, Duration.ofSeconds(10));
        t.type("\u0015");
        stop(r);
    }

    @Test
    void hintsShowTheOptionsOfTheCommandBeingTyped(LocalPair pair, @TempDir Path home) throws Exception {
        Running r = start(pair, home, true);
        TerminalDriver t = r.t();
        int mark = t.mark();
        t.type("assets ls --");
        t.waitFor("OData $filter passed", mark, Duration.ofSeconds(10));
        t.type("\u0015");
        assertTrue(t.run("hints off", PROMPT_A).contains("hints are off"));
        mark = t.mark();
        t.type("replicate --");
        Thread.sleep(500);
        assertFalse(t.screenSince(mark).contains("also replicate what only the target"), t.screenSince(mark));
        t.type("\u0015");
        stop(r);
    }

    @Test
    void anAssignedReplicateShowsProgressAndWorkRunsInTheBackground(LocalPair pair, @TempDir Path home) throws Exception {
        String prefix = "bgr" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Running r = start(pair, home);
        TerminalDriver t = r.t();
        AccountContext a = r.f().session.contexts().get("a");
        PublishedAssets.make(a, prefix + "0", 1);
        PublishedAssets.make(a, prefix + "1", 1);
        String assigned = t.run("rep = replicate --name '" + prefix + "*' --to b", PROMPT_A);
        assertTrue(assigned.contains("replicate 2/2 assets (0 failed, 0 skipped)"), "progress while assigned:\n" + assigned);
        assertTrue(t.run("rep.succeeded()", PROMPT_A).contains("true"));

        PublishedAssets.make(a, prefix + "pipe", 1);
        String piped = t.run("assets ls --name '" + prefix + "pipe' | replicate --to b", PROMPT_A);
        assertTrue(piped.contains("replicate 1/1 assets"), "the piped asset, and only it, is replicated:\n" + piped);

        PublishedAssets.make(a, prefix + "2", 1);
        int mark = t.mark();
        String started = t.run("again = replicate --name '" + prefix + "*' --to b &", PROMPT_A);
        assertTrue(started.contains("[1] running in the background"), started);
        t.waitFor("[1] done in", mark, Duration.ofSeconds(60));
        assertFalse(t.screenSince(mark).contains("replicate 4/4 assets"), "no progress drawn over the prompt:\n" + t.screenSince(mark));
        String listed = t.run("bg", PROMPT_A);
        assertTrue(listed.contains("[1] done") && listed.contains("bg1") && listed.contains("replicate --name"), listed);
        String kept = t.run("'kept: ' + again.is(bg1) + ' ' + bg1.succeeded()", PROMPT_A);
        assertTrue(kept.contains("kept: true true"), "results kept: " + kept);
        stop(r);
    }

    @Test
    void killStopsOneBackgroundJobAndLeavesTheOthers(LocalPair pair, @TempDir Path home) throws Exception {
        Running r = start(pair, home);
        TerminalDriver t = r.t();
        t.run("n = 0; m = 0", PROMPT_A);
        assertTrue(t.run("while (true) { n++ } &", PROMPT_A).contains("[1] running in the background"));
        assertTrue(t.run("while (true) { m++; Thread.sleep(20) } &", PROMPT_A).contains("[2] running in the background"));
        int mark = t.mark();
        assertTrue(t.run("kill %1", PROMPT_A).contains("[1] cancelling: while (true) { n++ }"));
        t.waitFor("[1] cancelled in", mark, Duration.ofSeconds(5));
        long n = counter(t, "n");
        long m = counter(t, "m");
        Thread.sleep(300);
        assertEquals(n, counter(t, "n"), "job 1's loop has stopped");
        assertTrue(counter(t, "m") > m, "job 2 still runs");
        String listed = t.run("bg", PROMPT_A);
        assertTrue(listed.contains("[1] cancelled") && listed.contains("[2] running"), listed);
        assertTrue(t.run("kill %1", PROMPT_A).contains("background job 1 has already ended (cancelled)"));
        assertTrue(t.run("kill %9", PROMPT_A).contains("no background job 9"));
        assertTrue(t.run("kill soon", PROMPT_A).contains("kill takes a background job, %N, not 'soon'"));
        mark = t.mark();
        t.run("kill 2", PROMPT_A);
        t.waitFor("[2] cancelled in", mark, Duration.ofSeconds(5));
        stop(r);
    }

    /** The value of a counter a background loop increments, as the prompt prints it. */
    static long counter(TerminalDriver t, String name) throws Exception {
        String shown = t.run("'" + name + "=' + " + name, PROMPT_A);
        Matcher v = Pattern.compile(name + "=(\\d+)").matcher(shown);
        assertTrue(v.find(), shown);
        return Long.parseLong(v.group(1));
    }

    @SuppressWarnings("unchecked")
    static MediaAsset only(ShellFixture f, String name) throws Exception {
        List<MediaAsset> found = (List<MediaAsset>) Session.unwrap(f.session.runCommandLine("assets ls --name '" + name + "'", false));
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    @Test
    void ctrlCStopsABusyLoopWithinASecond(LocalPair pair, @TempDir Path home) throws Exception {
        Running r = start(pair, home);
        TerminalDriver t = r.t();
        assertTrue(t.run("1 + 1", PROMPT_A).contains("2"));
        int mark = t.mark();
        t.type("while (true) { }\r");
        Thread.sleep(700);
        t.type("\u0003");
        Duration took = t.waitFor("interrupted", mark, Duration.ofSeconds(5));
        assertTrue(took.toMillis() < 1000, "prompt back in " + took.toMillis() + " ms:\n" + t.screenSince(mark));
        assertTrue(t.screenSince(mark).contains("interrupted: while (true) { }"), t.screenSince(mark));
        assertTrue(t.run("1 + 1", PROMPT_A).contains("2"), "the session goes on");
        stop(r);
    }
}
