package dev.amsh.shell.cli;

import dev.amsh.error.AmshException;
import dev.amsh.shell.render.Format;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The words after a command's name to an Invocation: what is an option, what is a value, what is refused. */
class ArgParserTest {
    static final Opt<Integer> OFFSET = Opt.number("offset", -100, 100, "a signed number");
    static final Opt<String> NAME = Opt.text("name", ValueKind.TEXT, "a glob");
    static final Opt<Boolean> ALL = Opt.flag("all", "every one");
    static final CommandSpec ONE = CommandSpec.of("one", "takes one value").param(ParamSpec.optional("X", ValueKind.TEXT, "x"))
            .option(OFFSET).option(NAME).option(ALL).build();
    static final CommandSpec MANY = CommandSpec.of("many", "takes many").param(ParamSpec.repeated("X", ValueKind.TEXT, "x")).build();

    static Invocation parse(CommandSpec spec, Object... words) {
        return ArgParser.parse(spec, new ArrayList<>(Arrays.asList(words)));
    }

    static String refusal(CommandSpec spec, Object... words) {
        return assertThrows(AmshException.class, () -> parse(spec, words)).getMessage();
    }

    @Test
    void optionsTakeTheirValueInlineOrAsTheNextWord() {
        Invocation inv = parse(ONE, "x1", "--name=m*", "--offset", "-5", "--all");
        assertEquals(List.of("x1"), inv.params());
        assertEquals("m*", inv.get(NAME));
        assertEquals(-5, inv.get(OFFSET), "a negative number is a value, not an option");
        assertTrue(inv.get(ALL));
        assertFalse(parse(ONE, "--all=false").get(ALL));
        assertTrue(parse(ONE, "--all=TRUE").get(ALL));
        // a misspelt value is refused, never read as false (a lost --dry-run would mean real writes)
        assertEquals("--all must be true or false, not 'ture'", refusal(ONE, "--all=ture"));
    }

    @Test
    void whatTheSpecDoesNotKnowIsRefusedInOneLine() {
        assertEquals("unknown option --nmae for one", refusal(ONE, "--nmae", "x"));
        assertEquals("--name needs a value", refusal(ONE, "--name"));
        assertEquals("too many arguments for one: b", refusal(ONE, "a", "b"));
        assertEquals("--debug is a start-up option, not one of one", refusal(ONE, "--debug"));
        assertEquals(List.of("a", "b", "c"), parse(MANY, "a", "b", "c").params());
    }

    @Test
    void theCommonOptionsAreEveryCommandsUnlessItNamesItsOwn() {
        Invocation inv = parse(MANY, "-o", "json", "--on", "b", "--query", "[].name");
        assertEquals("b", inv.get(CommonOptions.ON));
        assertEquals("[].name", inv.get(CommonOptions.QUERY));
        assertEquals(Format.JSON, inv.format());
        assertTrue(parse(MANY, "-h").get(CommonOptions.HELP));
    }
}
