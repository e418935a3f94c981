package dev.amsh.shell.render;

import dev.amsh.error.AmshException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.amsh.redact.Redactor;

import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints command results as a table, JSON or TSV. Lists of records become rows with the columns
 * {@link Columns} chooses; a single record a two-column list; a {@link TextView} its own text in table mode.
 * Every line goes through the redactor.
 */
public final class Renderer {
    private final Redactor redactor;
    // made on the first JSON output or query: a session starts with one Renderer, and most tables need no mapper
    private ObjectMapper json;

    public Renderer(Redactor redactor) {
        this.redactor = redactor;
    }

    private synchronized ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        }
        return json;
    }

    public void print(Object result, Format format, PrintWriter out) {
        print(result, format, null, out);
    }

    /** Prints the result, or what a JMESPath {@code query} selects from its JSON form when one is given. */
    public void print(Object result, Format format, String query, PrintWriter out) {
        if (result == null) {
            return;
        }
        if (query != null) {
            result = JsonQuery.apply(json(), result instanceof TextView tv ? tv.value() : result, query);
        }
        String text = switch (format) {
            case JSON -> toJson(result);
            case TSV -> toTsv(result);
            case TABLE -> toTable(result);
        };
        if (!text.isEmpty()) {
            out.println(redactor.redact(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
        }
        out.flush();
    }

    String toJson(Object result) {
        try {
            Object value = result instanceof TextView tv ? tv.value() : result;
            return json().writeValueAsString(value);
        } catch (Exception e) {
            // a value that cannot be rendered is an error, not a toString() passed off as JSON
            Object value = result instanceof TextView tv ? tv.value() : result;
            throw new AmshException("cannot render " + (value == null ? "null" : value.getClass().getSimpleName())
                    + " as JSON: " + e.getMessage().lines().findFirst().orElse(""), "use -o table or -o tsv");
        }
    }

    String toTsv(Object result) {
        Object value = result instanceof TextView tv ? tv.value() : result;
        StringBuilder sb = new StringBuilder();
        for (Object row : rows(value)) {
            Map<String, Object> cells = Columns.cells(row);
            sb.append(String.join("\t", cells.values().stream().map(Renderer::cell).toList())).append('\n');
        }
        return sb.toString();
    }

    String toTable(Object result) {
        if (result instanceof TextView tv) {
            return tv.text();
        }
        if (result instanceof CharSequence s) {
            return s.toString();
        }
        if (result instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return "(none)";
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object o : c) {
                rows.add(Columns.cells(o));
            }
            return table(rows) + "\n(" + c.size() + (c.size() == 1 ? " item)" : " items)");
        }
        if (result.getClass().isRecord()) {
            Map<String, Object> cells = Columns.all(result);
            int w = cells.keySet().stream().mapToInt(String::length).max().orElse(0);
            StringBuilder sb = new StringBuilder();
            cells.forEach((k, v) -> sb.append(String.format("%-" + w + "s  %s%n", k, cell(v))));
            return sb.toString();
        }
        return String.valueOf(result);
    }

    private static List<?> rows(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return List.of(value);
    }

    static String table(List<Map<String, Object>> rows) {
        List<String> headers = new ArrayList<>(rows.get(0).keySet());
        int[] widths = new int[headers.size()];
        List<List<String>> text = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
        }
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            int i = 0;
            for (String h : headers) {
                String c = cell(r.get(h));
                line.add(c);
                widths[i] = Math.min(Math.max(widths[i], c.length()), 100);
                i++;
            }
            text.add(line);
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, headers.stream().map(h -> h.toUpperCase()).toList(), widths);
        for (List<String> line : text) {
            appendRow(sb, line, widths);
        }
        return sb.toString().stripTrailing();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c.length() > widths[i]) {
                c = c.substring(0, widths[i] - 1) + "…";
            }
            sb.append(i == cells.size() - 1 ? c : String.format("%-" + widths[i] + "s  ", c));
        }
        sb.append('\n');
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant t) {
            return t.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (v instanceof Collection<?> c) {
            return c.size() + (c.size() == 1 ? " item" : " items");
        }
        if (v.getClass().isRecord()) {
            // a nested entity stands for its Id in a cell, not for a dump of every field
            Object id = components(v).get("id");
            return id != null ? String.valueOf(id) : v.getClass().getSimpleName();
        }
        return String.valueOf(v);
    }

    /** All components of a record, in declaration order. */
    static Map<String, Object> components(Object record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : record.getClass().getRecordComponents()) {
            try {
                out.put(rc.getName(), rc.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                out.put(rc.getName(), "?");
            }
        }
        return out;
    }
}
