package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads both OData JSON dialects the v2 service speaks: verbose ({@code {"d":…}}, {@code \/Date(ms)\/})
 * and light ({@code odata.metadata}/{@code value}, ISO-8601 dates). Numbers may arrive as strings.
 */
public final class ODataJson {
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private ODataJson() {
    }

    /** The entities of a collection response, in either dialect. */
    public static List<JsonNode> entities(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode source = body;
        if (body.has("d")) {
            JsonNode d = body.get("d");
            source = d.has("results") ? d.get("results") : d;
        } else if (body.has("value")) {
            source = body.get("value");
        }
        if (source.isArray()) {
            source.forEach(out::add);
        } else if (source.isObject()) {
            out.add(source);
        }
        return out;
    }

    /** The single entity of an entity response, in either dialect. */
    public static JsonNode entity(JsonNode body) {
        return body.has("d") ? body.get("d") : body;
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static int integer(JsonNode n, String field, int fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.intValue();
        }
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static long int64(JsonNode n, String field, long fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.longValue();
        }
        try {
            return Long.parseLong(v.asText().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static double dbl(JsonNode n, String field, double fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && !v.isNull() && (v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText()));
    }

    public static Instant date(JsonNode n, String field) {
        return parseDate(text(n, field));
    }

    /** Parses {@code \/Date(1337049393000)\/} and ISO-8601 (with or without an offset). */
    public static Instant parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Matcher m = MS_DATE.matcher(s.replace("\\/", "/"));
        if (m.find()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
