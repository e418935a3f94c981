package dev.amsh.shell;

import dev.amsh.shell.app.Commands;
import dev.amsh.shell.cli.CommandSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/commands.md is generated from the command specs, so the reference and `help` say the same thing.
 * Regenerate with: mvn -pl shell test -Dtest=CommandReferenceTest -Damsh.writeDocs=true
 */
class CommandReferenceTest {
    static String reference() {
        StringBuilder sb = new StringBuilder("""
                # amsh command reference

                Generated from the commands themselves (the same text as `help COMMAND`). Every command also takes
                `-o table|json|tsv`, `--on CONTEXT` and `--help`.

                """);
        CommandRegistry registry = Commands.registry(Path.of("~/.amsh/local"));
        sb.append("| command | summary |\n|---|---|\n");
        for (Command c : registry.all()) {
            sb.append("| [`").append(c.spec().name()).append("`](#").append(c.spec().name().replace(' ', '-'))
                    .append(") | ").append(c.spec().summary()).append(" |\n");
        }
        for (Command c : registry.all()) {
            CommandSpec s = c.spec();
            sb.append("\n## ").append(s.name()).append("\n\n```\n").append(s.help().strip()).append("\n```\n");
        }
        return sb.toString();
    }

    @Test
    void theReferenceMatchesTheCommands() throws Exception {
        Path docs = Path.of(System.getProperty("amsh.home"), "docs", "commands.md");
        String expected = reference();
        if (Boolean.getBoolean("amsh.writeDocs")) {
            Files.writeString(docs, expected);
        }
        assertEquals(expected, Files.exists(docs) ? Files.readString(docs) : "",
                "docs/commands.md is out of date: mvn -pl shell test -Dtest=CommandReferenceTest -Damsh.writeDocs=true");
    }
}
