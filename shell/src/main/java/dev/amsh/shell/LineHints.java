package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.shell.cli.LineTokenizer;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What a line that is not a command most likely meant: a mistyped command. */
final class LineHints {
    /** Groovy keywords and common script calls, which look like "word word" but are no typos. */
    private static final Set<String> GROOVY_WORDS = Set.of("assert", "def", "var", "return", "if",
            "for", "while", "new", "import", "print", "println", "printf", "throw", "sleep", "sh", "final",
            "switch", "try", "do", "else", "case", "break", "continue", "this", "super", "in", "as",
            "int", "long", "short", "byte", "char", "float", "double", "boolean", "void", "class", "interface",
            "enum", "record", "trait", "static", "public", "private", "protected", "abstract", "synchronized");

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
