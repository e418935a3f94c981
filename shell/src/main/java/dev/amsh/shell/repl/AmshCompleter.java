package dev.amsh.shell.repl;

import dev.amsh.shell.Command;
import dev.amsh.shell.Session;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ValueKind;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Completes command words, options, and live values (contexts, assets, locators) from the command specs. */
final class AmshCompleter implements Completer {
    private final Session session;
    private final LiveValues live;
    private final Completer files = new Completers.FileNameCompleter();

    AmshCompleter(Session session, LiveValues live) {
        this.session = session;
        this.live = live;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String typed = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        List<Candidate> members = ObjectCompleter.complete(typed, session.variables());
        if (!members.isEmpty()) {
            candidates.addAll(members);
            return;
        }
        if (index == 0) {
            session.registry().heads().forEach(h -> candidates.add(new Candidate(h, h, null, summary(h), null, null, true)));
            return;
        }
        String head = words.get(0);
        List<String> subs = session.registry().subcommands(head);
        if (index == 1 && !subs.isEmpty() && session.registry().get(head).isEmpty()) {
            subs.forEach(s -> candidates.add(new Candidate(s, s, null,
                    session.registry().get(head + " " + s).map(c -> c.spec().summary()).orElse(null), null, null, true)));
            return;
        }
        Optional<Command> command = session.registry().get(head + (words.size() > 1 && !subs.isEmpty() ? " " + words.get(1) : ""))
                .or(() -> session.registry().get(head));
        if (command.isEmpty()) {
            return;
        }
        CommandSpec spec = command.get().spec();
        int nameWords = spec.name().split(" ").length;
        String previous = index > 0 ? words.get(index - 1) : "";
        Optional<OptionSpec> valueOf = previous.startsWith("-") ? spec.option(previous.replaceFirst("^--?", "")) : Optional.empty();
        if (valueOf.isPresent() && !valueOf.get().values().isEmpty()) {
            valueOf.get().values().forEach(v -> candidates.add(new Candidate(v, v, null, null, null, null, true)));
            return;
        }
        if (valueOf.isPresent() && valueOf.get().takesValue()) {
            // --into and --asset name an asset on the target (--to) context
            String ctx = List.of("into", "asset").contains(valueOf.get().name()) ? targetOf(words, contextOf(words, spec))
                    : contextOf(words, spec);
            values(valueOf.get().kind(), ctx, reader, line, candidates);
            return;
        }
        String current = line.word();
        if (current.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                candidates.add(new Candidate("--" + o.name(), "--" + o.name(), null, o.help(), null, null, true));
            }
            return;
        }
        int positional = 0;
        for (int i = nameWords; i < index; i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                Optional<OptionSpec> o = spec.option(w.replaceFirst("^--?", ""));
                if (o.isPresent() && o.get().takesValue()) {
                    i++;
                }
            } else {
                positional++;
            }
        }
        if (positional < spec.params().size()) {
            values(spec.params().get(positional).kind(), contextOf(words, spec), reader, line, candidates);
        } else if (!spec.params().isEmpty() && spec.params().get(spec.params().size() - 1).repeated()) {
            values(spec.params().get(spec.params().size() - 1).kind(), contextOf(words, spec), reader, line, candidates);
        }
    }

    private static String targetOf(List<String> words, String fallback) {
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("--to")) {
                return words.get(i + 1);
            }
        }
        return fallback;
    }

    private String contextOf(List<String> words, CommandSpec spec) {
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("--on") || (words.get(i).equals("--from") && spec.name().equals("failover"))) {
                return words.get(i + 1);
            }
        }
        return session.contexts().currentName();
    }

    private void values(ValueKind kind, String context, LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> values = new ArrayList<>();
        switch (kind) {
            case CONTEXT -> values.addAll(session.contexts().names());
            case ASSET -> values.addAll(live.assets(context));
            case LOCATOR -> values.addAll(live.locators(context));
            case JOB -> values.addAll(live.jobs(context));
            case FORMAT -> values.addAll(List.of("table", "json", "tsv"));
            case ON_OFF -> values.addAll(List.of("on", "off"));
            case COMMAND -> values.addAll(session.registry().heads());
            case PRESET -> values.add("Adaptive Streaming");
            case PATH -> files.complete(reader, line, out);
            default -> {
            }
        }
        values.forEach(v -> out.add(new Candidate(v.contains(" ") ? "'" + v + "'" : v, v, null, null, null, null, true)));
    }

    private String summary(String head) {
        return session.registry().get(head).map(c -> c.spec().summary())
                .orElse(String.join(" | ", session.registry().subcommands(head)));
    }
}
