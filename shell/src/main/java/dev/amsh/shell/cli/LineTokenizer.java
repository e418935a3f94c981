package dev.amsh.shell.cli;

import dev.amsh.error.AmshException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words: whitespace separates, single quotes take text literally, double quotes
 * allow {@code ${…}} expansion, a backslash escapes one character. {@code ${…}} may contain spaces and quotes.
 * Also splits a {@code -c} string into commands at top-level semicolons.
 */
public final class LineTokenizer {
    /** One word and whether any of it was single-quoted (and so must not be expanded). */
    public record Word(String text, boolean literal) {
    }

    private LineTokenizer() {
    }

    public static List<Word> words(String line) {
        List<Word> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean literal = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(new Word(cur.toString(), literal));
                    cur.setLength(0);
                    inWord = false;
                    literal = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new AmshException("unclosed ' in: " + line, "close the quote");
                }
                cur.append(line, i + 1, end);
                inWord = true;
                literal = true;
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                        j++;
                    } else if (line.startsWith("${", j)) {
                        j = closeOfExpression(line, j) ;
                    }
                    cur.append(line.charAt(j));
                    j++;
                }
                if (j >= line.length()) {
                    throw new AmshException("unclosed \" in: " + line, "close the quote");
                }
                inWord = true;
                i = j + 1;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '$' && line.startsWith("${", i)) {
                int end = closeOfExpression(line, i);
                cur.append(line, i, end + 1);
                inWord = true;
                i = end + 1;
            } else {
                cur.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(new Word(cur.toString(), literal));
        }
        return out;
    }

    /** Index of the '}' closing the {@code ${} starting at {@code start}, honouring nesting and quotes. */
    public static int closeOfExpression(String line, int start) {
        int depth = 0;
        char quote = 0;
        for (int j = start + 1; j < line.length(); j++) {
            char c = line.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return j;
                }
            }
        }
        throw new AmshException("unclosed ${ in: " + line, "close it with }");
    }

    /** Splits at semicolons and line ends outside quotes, braces, brackets and parentheses ({@code for (;;)} stays whole). */
    public static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if ((c == ';' || c == '\n') && depth == 0) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString().trim());
                }
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        return out;
    }
}
