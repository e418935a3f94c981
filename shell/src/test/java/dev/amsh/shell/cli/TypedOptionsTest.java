package dev.amsh.shell.cli;

import dev.amsh.error.AmshException;
import dev.amsh.shell.render.Format;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The typed options: what the parser fills, what it refuses (one line naming the option), and the spec they give help. */
class TypedOptionsTest {
    enum Mode { REDIRECT, PROXY, CONTENT_STEERING }

    static final Opt<Integer> TOP = Opt.number("top", 1, 1000, "at most this many");
    static final Opt<Integer> CONCURRENCY = Opt.number("concurrency", 1, 64, "blobs at once").orElse(8);
    static final Opt<Boolean> DRY_RUN = Opt.flag("dry-run", "print the plan and change nothing");
    static final Opt<Duration> WAIT = Opt.duration("wait", "how long to wait").orElse(Duration.ofMinutes(10));
    static final Opt<Mode> MODE = Opt.oneOf("mode", Mode.class, "how the front routes").orElse(Mode.REDIRECT);
    static final Opt<Path> JSON = Opt.path("json", "write the endpoints here");
    static final Opt<String> TO = Opt.context("to", "the target context").required();
    static final Opt<List<String>> TAG = Opt.repeated("tag", ValueKind.TEXT, "a tag");
    static final Opt<Integer> UNDECLARED = Opt.number("top", 1, 1000, "the same name, another declaration");

    static final CommandSpec SPEC = CommandSpec.of("demo", "a command with every kind of option")
            .option(TOP).option(CONCURRENCY).option(DRY_RUN).option(WAIT).option(MODE).option(JSON).option(TO).option(TAG)
            .build();

    static Invocation parse(String... words) {
        return ArgParser.parse(SPEC, new ArrayList<>(Arrays.asList(words)));
    }

    static String refusal(String... words) {
        return assertThrows(AmshException.class, () -> parse(words)).getMessage();
    }

    @Test
    void givenValuesAreConvertedToTheirTypes() {
        Invocation inv = parse("--to", "b", "--top", "5", "--concurrency=16", "--dry-run", "--wait", "90s", "--mode", "content-steering",
                "--json", "out/e.json", "--tag", "x", "--tag", "y");
        assertEquals(5, inv.get(TOP));
        assertEquals(16, inv.get(CONCURRENCY));
        assertTrue(inv.get(DRY_RUN));
        assertEquals(Duration.ofSeconds(90), inv.get(WAIT));
        assertEquals(Mode.CONTENT_STEERING, inv.get(MODE));
        assertEquals(Path.of("out/e.json"), inv.get(JSON));
        assertEquals("b", inv.get(TO));
        assertEquals(List.of("x", "y"), inv.get(TAG));
    }

    @Test
    void absentOptionsTakeTheirDefaults() {
        Invocation inv = parse("--to", "b");
        assertNull(inv.get(TOP));
        assertEquals(8, inv.get(CONCURRENCY));
        assertFalse(inv.get(DRY_RUN));
        assertEquals(Duration.ofMinutes(10), inv.get(WAIT));
        assertEquals(Mode.REDIRECT, inv.get(MODE));
        assertNull(inv.get(JSON));
        assertEquals(List.of(), inv.get(TAG));
        assertEquals(Format.TABLE, inv.get(CommonOptions.OUTPUT));
        assertFalse(inv.given(CONCURRENCY));
        assertTrue(inv.given(TO));
    }

    @Test
    void durationsAreTypedAsPeopleTypeThem() {
        List<String[]> cases = List.of(new String[] {"500ms", "PT0.5S"}, new String[] {"10", "PT10S"}, new String[] {"1.5s", "PT1.5S"},
                new String[] {"2m", "PT2M"}, new String[] {"1h", "PT1H"});
        for (String[] c : cases) {
            assertEquals(Duration.parse(c[1]), parse("--to", "b", "--wait", c[0]).get(WAIT), c[0]);
        }
    }

    @Test
    void aBadValueIsOneLineNamingTheOptionAndWhatItExpects() {
        assertEquals("--top must be a whole number, not 'many'", refusal("--to", "b", "--top", "many"));
        assertEquals("--top must be between 1 and 1000, not 0", refusal("--to", "b", "--top", "0"));
        assertEquals("--wait must be a duration such as 500ms, 10s, 2m or 1h, not 'soon'", refusal("--to", "b", "--wait", "soon"));
        assertEquals("--mode must be one of redirect, proxy, content-steering, not 'dns'", refusal("--to", "b", "--mode", "dns"));
        assertEquals("unknown output format 'xml'", refusal("--to", "b", "-o", "xml"));
        AmshException e = assertThrows(AmshException.class, () -> parse("--to", "b", "--top", "x"));
        assertTrue(e.hint().startsWith("usage: demo"), e.hint());
    }

    @Test
    void aMissingRequiredOptionIsNamedAndHelpStillShows() {
        assertEquals("demo needs --to", refusal("--top", "5"));
        // --help never trips over what the line lacks
        assertTrue(parse("--help").get(CommonOptions.HELP));
        assertTrue(SPEC.usage().contains(" --to CONTEXT") && SPEC.usage().contains("[--top NUMBER]"), SPEC.usage());
    }

    @Test
    void theSpecForHelpAndCompletionComesFromTheDeclaration() {
        OptionSpec mode = SPEC.option("mode").orElseThrow();
        assertEquals(List.of("redirect", "proxy", "content-steering"), mode.values());
        assertEquals("redirect", mode.defaultValue());
        assertEquals("10m", SPEC.option("wait").orElseThrow().defaultValue());
        assertEquals("8", SPEC.option("concurrency").orElseThrow().defaultValue());
        assertEquals(ValueKind.CONTEXT, SPEC.option("to").orElseThrow().kind());
        assertEquals(ValueKind.PATH, SPEC.option("json").orElseThrow().kind());
        assertFalse(SPEC.option("dry-run").orElseThrow().takesValue());
        assertTrue(SPEC.help().contains("--concurrency NUMBER") && SPEC.help().contains("(default 8)"), SPEC.help());
    }

    @Test
    void objectsFromGroovyPassAsTheyAre() {
        Invocation inv = ArgParser.parse(SPEC, new ArrayList<>(List.of("--to", "b", "--mode", Mode.PROXY, "--wait", Duration.ofSeconds(3),
                "--tag", List.of("p", "q"), "--dry-run")));
        assertEquals(Mode.PROXY, inv.get(MODE));
        assertEquals(Duration.ofSeconds(3), inv.get(WAIT));
        assertEquals(List.of("p", "q"), inv.get(TAG));
        assertTrue(inv.get(DRY_RUN));
    }

    @Test
    void readingWhatTheCommandDidNotDeclareIsABugNotInput() {
        Invocation inv = parse("--to", "b", "--top", "3");
        assertThrows(IllegalStateException.class, () -> inv.get(UNDECLARED));
        // the same name declared again elsewhere is not the command's option: only its own declaration reads
        assertThrows(IllegalStateException.class, () -> inv.get(Opt.flag("dry-run", "another declaration")));
        assertEquals(3, inv.get(TOP));
    }
}
