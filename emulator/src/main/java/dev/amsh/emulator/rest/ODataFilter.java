package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

/**
 * The $filter subset the service's clients use: {@code Field eq 'v'}, {@code Field eq 3},
 * {@code Field ne …}, {@code startswith(Field,'v')}, {@code and}, {@code or}, parentheses.
 * Anything else is a 400, as an unsupported query was on the service.
 */
public final class ODataFilter {
    private final String text;
    private final java.util.Set<String> known;
    private int pos;

    private ODataFilter(String text, java.util.Set<String> known) {
        this.text = text;
        this.known = known;
    }

    public static Predicate<JsonNode> parse(String filter) {
        return parse(filter, null);
    }

    /** Parses a filter whose properties must be among {@code known} (null: any), as the service checked them. */
    public static Predicate<JsonNode> parse(String filter, java.util.Set<String> known) {
        if (filter == null || filter.isBlank()) {
            return n -> true;
        }
        ODataFilter p = new ODataFilter(filter, known);
        Predicate<JsonNode> result = p.or();
        p.skipSpace();
        if (p.pos != p.text.length()) {
            throw new IllegalArgumentException("unexpected '" + filter.substring(p.pos) + "' in $filter");
        }
        return result;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (keyword("or")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = term();
        while (keyword("and")) {
            left = left.and(term());
        }
        return left;
    }

    private Predicate<JsonNode> term() {
        skipSpace();
        if (peek('(')) {
            pos++;
            Predicate<JsonNode> inner = or();
            expect(')');
            return inner;
        }
        if (keyword("startswith")) {
            expect('(');
            String field = property();
            expect(',');
            String prefix = literal();
            expect(')');
            return n -> n.hasNonNull(field) && n.get(field).asText().startsWith(prefix);
        }
        String field = property();
        String op = identifier();
        String value = literal();
        return switch (op) {
            case "eq" -> n -> equal(n.get(field), value);
            case "ne" -> n -> !equal(n.get(field), value);
            default -> throw new IllegalArgumentException("operator '" + op + "' is not supported in $filter");
        };
    }

    private static boolean equal(JsonNode node, String value) {
        if (node == null || node.isNull()) {
            return value == null;
        }
        return node.asText().equals(value);
    }

    private String property() {
        String name = identifier();
        if (known != null && !known.contains(name)) {
            throw new IllegalArgumentException("No property '" + name + "' exists in the entity set; it has "
                    + String.join(", ", new java.util.TreeSet<>(known)));
        }
        return name;
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a name at '" + text.substring(start) + "' in $filter");
        }
        return text.substring(start, pos);
    }

    private String literal() {
        skipSpace();
        if (peek('\'')) {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\'') {
                    if (peek('\'')) {
                        sb.append('\'');
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated string in $filter");
        }
        if (keyword("null")) {
            return null;
        }
        String v = identifier();
        return v;
    }

    private boolean keyword(String word) {
        skipSpace();
        if (text.regionMatches(true, pos, word, 0, word.length())) {
            int end = pos + word.length();
            if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                pos = end;
                return true;
            }
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw new IllegalArgumentException("expected '" + c + "' in $filter");
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
