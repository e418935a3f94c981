package dev.amsh.shell.commands;

import dev.amsh.context.Contexts;
import dev.amsh.emulator.LocalPair;

import java.util.List;

/** What {@code context add} says when the session is on the local pair: the file keeps the context beside the pair. */
final class LocalPairSave {
    private LocalPairSave() {
    }

    static String message(String name, Contexts contexts) {
        List<String> pair = contexts.names().stream().filter(contexts::isLocalPair).toList();
        String saved = "context " + name + " saved to " + contexts.savedTo().path() + " beside the local pair: ";
        if (LocalPair.NAMES.contains(name)) {
            return saved + name + " is now this account, here and at every start, while "
                    + (pair.isEmpty() ? "no context" : String.join(" and ", pair)) + (pair.size() == 1 ? " stays" : " stay")
                    + " the local pair's emulator (a mixed pair: every start says so; 'context rm " + name
                    + "' gives " + name + " back to the pair from the next start)";
        }
        return saved + "every start brings it back beside " + (pair.isEmpty() ? "the pair"
                : "the pair's " + String.join(" and ", pair));
    }
}
