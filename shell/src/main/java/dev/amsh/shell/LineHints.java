package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.shell.cli.LineTokenizer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a line that is not a command most likely meant: a mistyped command, or a variable that def kept local. */
final class LineHints {
    /** Groovy keywords and common script calls, which look like "word word" but are no typos. */
    private static final Set<String> GROOVY_WORDS = Set.of("assert", "def", "var", "return", "if",
            "for", "while", "new", "import", "print", "println", "printf", "throw", "sleep", "sh", "final",
            "switch", "try", "do", "else", "case", "break", "continue", "this", "super", "in", "as");
    private static final Pattern MISSING = Pattern.compile("(?:No such property: |unknown command or variable ')([A-Za-z_][A-Za-z0-9_]*)");

    private LineHints() {
    }

    /** "asets ls" is a mistyped command, not Groovy: say which command was meant. */
    static void refuseTypo(String line, Collection<String> commandHeads, Set<String> variables) {
        List<LineTokenizer.Word> words = LineTokenizer.words(line);
        if (words.size() < 2 || !words.get(0).text().matches("[a-z]+") || variables.contains(words.get(0).text())
                || !words.get(1).text().matches("[a-z-]+|--?[a-z-]+")) {
            return;
        }
        String head = words.get(0).text();
        if (GROOVY_WORDS.contains(head)) {
            return;
        }
        for (String known : commandHeads) {
            if (editDistance(head, known) <= 2) {
                throw new AmshException("unknown command '" + head + "' (did you mean '" + known + "'?)",
                        "type 'help' for the commands");
            }
        }
    }

    /** "def x = 1" then "x": def keeps x local to its own line. Say so instead of Groovy's "No such property". */
    static RuntimeException localDef(List<String> history, RuntimeException e) {
        Matcher m = MISSING.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            String name = m.group(1);
            Pattern def = Pattern.compile("^\\s*(def|var|final|[A-Z][A-Za-z0-9_<>]*)\\s+" + Pattern.quote(name) + "\\s*=.*");
            if (history.stream().anyMatch(h -> def.matcher(h).matches())) {
                return new AmshException("no variable " + name + ": 'def " + name + " = …' keeps " + name
                        + " local to its own line", "write '" + name + " = …' (without def) to keep it for later lines");
            }
        }
        return e;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
