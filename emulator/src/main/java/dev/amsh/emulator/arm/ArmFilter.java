package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} of v3 lists: {@code path op literal} joined by {@code and}/{@code or}, with parentheses and
 * {@code not}. Paths are the wire's ({@code name}, {@code properties/created}); literals are 'quoted strings',
 * unquoted ISO dates ({@code properties/created gt 2012-06-01}), numbers, and enum literals
 * ({@code Microsoft.Media.JobState'Finished'}). Only the fields a collection declares may be filtered.
 */
final class ArmFilter {
    private static final Pattern TOKEN = Pattern.compile("\\s*('(?:[^']|'')*'|\\(|\\)|[^\\s()']+(?:'(?:[^']|'')*')?)");
    private static final Set<String> OPS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private final List<String> tokens;
    private final Set<String> fields;
    private int at;

    private ArmFilter(List<String> tokens, Set<String> fields) {
        this.tokens = tokens;
        this.fields = fields;
    }

    /** Parses {@code filter}; {@code fields} are the lower-cased paths this collection can be filtered on. */
    static Predicate<JsonNode> parse(String filter, Set<String> fields) {
        if (filter == null || filter.isBlank()) {
            return n -> true;
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(filter);
        int end = 0;
        while (m.find() && m.start() == end) {
            tokens.add(m.group(1));
            end = m.end();
        }
        if (!filter.substring(end).isBlank()) {
            throw ArmError.badRequest("Invalid $filter: cannot read '" + filter.substring(end).strip() + "'.");
        }
        ArmFilter f = new ArmFilter(tokens, fields);
        Predicate<JsonNode> p = f.or();
        if (f.at != tokens.size()) {
            throw ArmError.badRequest("Invalid $filter: unexpected '" + tokens.get(f.at) + "'.");
        }
        return p;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> p = and();
        while (peek("or")) {
            at++;
            p = p.or(and());
        }
        return p;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> p = factor();
        while (peek("and")) {
            at++;
            p = p.and(factor());
        }
        return p;
    }

    private Predicate<JsonNode> factor() {
        if (peek("not")) {
            at++;
            return factor().negate();
        }
        if (peek("(")) {
            at++;
            Predicate<JsonNode> p = or();
            expect(")");
            return p;
        }
        String path = next("a property");
        String lower = path.toLowerCase(Locale.ROOT);
        if (!fields.contains(lower)) {
            throw ArmError.badRequest("Invalid $filter: '" + path + "' cannot be filtered on; use " + String.join(", ", fields) + ".");
        }
        String op = next("an operator").toLowerCase(Locale.ROOT);
        if (!OPS.contains(op)) {
            throw ArmError.badRequest("Invalid $filter: '" + op + "' is not an operator (eq, ne, gt, ge, lt, le).");
        }
        String literal = literal(next("a value"));
        return n -> compare(value(n, lower), literal, op);
    }

    private boolean peek(String word) {
        return at < tokens.size() && tokens.get(at).equalsIgnoreCase(word);
    }

    private String next(String what) {
        if (at >= tokens.size()) {
            throw ArmError.badRequest("Invalid $filter: " + what + " is missing at the end.");
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw ArmError.badRequest("Invalid $filter: '" + token + "' expected.");
        }
        at++;
    }

    private static String literal(String token) {
        int quote = token.indexOf('\'');
        if (quote >= 0 && token.endsWith("'") && token.length() > quote + 1) {
            return token.substring(quote + 1, token.length() - 1).replace("''", "'");
        }
        return token;
    }

    /** The value at a wire path ({@code properties/created}), or null. */
    static String value(JsonNode n, String lowerPath) {
        JsonNode at = n;
        for (String part : lowerPath.split("/")) {
            JsonNode next = null;
            for (var it = at.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (f.equalsIgnoreCase(part)) {
                    next = at.get(f);
                }
            }
            if (next == null || next.isNull()) {
                return null;
            }
            at = next;
        }
        return at.asText();
    }

    private static boolean compare(String actual, String literal, String op) {
        if (actual == null) {
            return op.equals("ne");
        }
        int c;
        Instant a = instant(actual);
        Instant b = a == null ? null : instant(literal);
        if (a != null && b != null) {
            c = a.compareTo(b);
        } else if (literal.equalsIgnoreCase("true") || literal.equalsIgnoreCase("false")) {
            c = actual.equalsIgnoreCase(literal) ? 0 : 1;
        } else {
            c = actual.compareTo(literal);
        }
        return switch (op) {
            case "eq" -> c == 0;
            case "ne" -> c != 0;
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            case "lt" -> c < 0;
            default -> c <= 0;
        };
    }

    static Instant instant(String s) {
        if (s == null || s.length() < 10 || !Character.isDigit(s.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
