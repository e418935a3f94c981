package dev.amsh.shell;

import dev.amsh.context.AccountContext;
import dev.amsh.context.Contexts;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.render.Renderer;
import dev.amsh.storage.CopyCancellation;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a command is handed when it runs (JLine calls it a CommandSession): the console, the contexts, the
 * cancellation of this command, the renderer, the clock and redactor, and the folders commands write to.
 * No registry, no variables, no Groovy: a command that needs the shell itself is a {@link ShellCommand}.
 */
public interface CommandContext {
    Console console();

    Contexts contexts();

    Clock clock();

    Redactor redactor();

    /** Cancelled by Ctrl-C at the prompt, or by {@code kill %N} for work in the background. */
    CopyCancellation cancellation();

    Renderer renderer();

    /** Where bulk runs keep their journals (replicate, drill). */
    Path runsDir();

    /** Where tools installed on first use live (Azurite, ffmpeg, players). */
    Path toolsDir();

    /** The context an invocation runs against: {@code --on NAME}, else the current one. */
    default AccountContext context(Invocation inv) {
        return contexts().get(inv.get(CommonOptions.ON));
    }

    /** The source side of a two-context command: {@code --from NAME}, else {@code --on NAME}, else the current one. */
    default AccountContext sourceContext(Invocation inv) {
        String from = inv.spec().typedOption("from").map(o -> Invocation.text(inv.get(o))).orElse(null);
        String on = inv.get(CommonOptions.ON);
        if (from != null && on != null && !from.equals(on)) {
            throw new AmshException("--from " + from + " and --on " + on + " name different source contexts",
                    "give one of them");
        }
        return contexts().get(from != null ? from : on);
    }
}
