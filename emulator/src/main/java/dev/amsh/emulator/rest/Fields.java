package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a request body's properties as the service did: numbers and booleans that may come as text, dates in any of its forms. */
final class Fields {
    private static final DateTimeFormatter EN_US_G = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    private static final Pattern JSON_DATE = Pattern.compile("/Date\\((-?\\d+)");

    private Fields() {
    }

    static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String require(JsonNode n, String f) {
        String v = text(n, f);
        if (v == null || v.isBlank()) {
            throw ServiceErrors.badRequest("the property '" + f + "' is required");
        }
        return v;
    }

    static int intField(JsonNode n, String f, int fallback) {
        String v = text(n, f);
        if (v == null) {
            return fallback;
        }
        try {
            return (int) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ServiceErrors.badRequest("the property '" + f + "' must be a number");
        }
    }

    static long int64(JsonNode n, String f) {
        String v = text(n, f);
        try {
            return v == null ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ServiceErrors.badRequest("the property '" + f + "' must be a whole number");
        }
    }

    static boolean bool(JsonNode n, String f) {
        String v = text(n, f);
        return v != null && Boolean.parseBoolean(v);
    }

    /** ISO-8601 with or without an offset, the en-US "G" form, or {@code \/Date(ms)\/}. */
    static Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(s.trim(), EN_US_G).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    Matcher m = JSON_DATE.matcher(s);
                    if (m.find()) {
                        return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
                    }
                    throw ServiceErrors.badRequest("'" + s + "' is not a valid date");
                }
            }
        }
    }

    static String now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * A read-only property may come back unchanged (clients MERGE the entity they read, and the service answered
     * 204); a changed one is refused before anything is applied.
     */
    static void rejectChangedReadOnly(JsonNode body, ObjectNode entity, String... fields) {
        for (String f : fields) {
            if (body.has(f) && !sameValue(body.get(f), entity.get(f))) {
                throw ServiceErrors.badRequest("property '" + f + "' cannot be updated");
            }
        }
    }

    private static boolean sameValue(JsonNode sent, JsonNode held) {
        if (held == null || held.isNull()) {
            return sent.isNull();
        }
        if (sent.asText().equals(held.asText())) {
            return true;
        }
        try {
            return parseTime(sent.asText()).equals(parseTime(held.asText()));
        } catch (RuntimeException e) {
            return false; // neither the same text nor the same instant
        }
    }
}
