package dev.amsh.shell;

import dev.amsh.error.AmshException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** All commands by their words; resolves the longest command name a line starts with. */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry add(Command c) {
        commands.put(c.spec().name(), c);
        return this;
    }

    public List<Command> all() {
        return new ArrayList<>(commands.values());
    }

    public Optional<Command> get(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** First words of all commands ("assets", "copy", …). */
    public TreeSet<String> heads() {
        TreeSet<String> out = new TreeSet<>();
        commands.keySet().forEach(n -> out.add(n.split(" ")[0]));
        return out;
    }

    public boolean isHead(String word) {
        return heads().contains(word);
    }

    /** Subcommand words of a group ("ls", "show" for "assets"). */
    public List<String> subcommands(String head) {
        List<String> out = new ArrayList<>();
        for (String n : commands.keySet()) {
            if (n.startsWith(head + " ")) {
                out.add(n.substring(head.length() + 1));
            }
        }
        return out;
    }

    /** The help of a group of commands ("assets"): each subcommand with its summary. */
    public String groupHelp(String head) {
        StringBuilder sb = new StringBuilder();
        for (String sub : subcommands(head)) {
            get(head + " " + sub).ifPresent(c -> sb.append(String.format("  %-18s %s%n", c.spec().name(), c.spec().summary())));
        }
        return sb.append(String.format("%n'%s SUBCOMMAND --help' shows one of them.%n", head)).toString();
    }

    /** True for a group's own name, which is no command by itself ("assets", not "assets ls" or "copy"). */
    public boolean isGroup(String word) {
        return !commands.containsKey(word) && !subcommands(word).isEmpty();
    }

    /** The command named by the first one or two words, and how many words its name took. */
    public Match match(List<String> words) {
        if (words.isEmpty()) {
            throw new AmshException("no command given", "type 'help' for the list");
        }
        if (words.size() >= 2 && commands.containsKey(words.get(0) + " " + words.get(1))) {
            return new Match(commands.get(words.get(0) + " " + words.get(1)), 2);
        }
        if (commands.containsKey(words.get(0))) {
            return new Match(commands.get(words.get(0)), 1);
        }
        List<String> subs = subcommands(words.get(0));
        if (!subs.isEmpty()) {
            String given = words.size() >= 2 ? "'" + words.get(1) + "' is not a subcommand of " + words.get(0)
                    : words.get(0) + " needs a subcommand";
            throw new AmshException(given, "one of: " + String.join(", ", subs));
        }
        throw new AmshException("unknown command '" + words.get(0) + "'", "type 'help' for the list");
    }

    public record Match(Command command, int nameWords) {
    }
}
