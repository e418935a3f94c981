package dev.amsh.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OData {@code $batch} request (multipart/mixed): its operations in order, each with its method, target URI,
 * headers and body, whether it sits in a changeset or not. The service's Java SDK creates jobs this way: one
 * changeset of the job and then one {@code POST $1/Tasks} per task.
 */
record BatchRequest(List<Operation> operations) {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    /** One operation: an HTTP request carried in a part of the batch. */
    record Operation(String method, String uri, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static BatchRequest parse(String contentType, byte[] body) {
        List<Operation> operations = new ArrayList<>();
        collect(boundary(contentType), new String(body, StandardCharsets.ISO_8859_1), operations);
        if (operations.isEmpty()) {
            throw ServiceErrors.badBody("the $batch body holds no operation");
        }
        return new BatchRequest(List.copyOf(operations));
    }

    private static String boundary(String contentType) {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (m == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed") || !m.find()) {
            throw ServiceErrors.badBody("a $batch request is multipart/mixed with a boundary");
        }
        return m.group(1);
    }

    /** Splits on the boundary; a part that is itself multipart (a changeset) is opened in turn. */
    private static void collect(String boundary, String text, List<Operation> out) {
        String delimiter = "--" + boundary;
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                return;
            }
            int next = text.indexOf(delimiter, start);
            if (next < 0) {
                throw ServiceErrors.badBody("the $batch body ends without its closing boundary");
            }
            part(text.substring(skipLineEnd(text, start), next), out);
            at = next;
        }
    }

    private static void part(String part, List<Operation> out) {
        int split = headerEnd(part);
        Map<String, String> headers = headers(part.substring(0, split));
        String rest = part.substring(skipBlank(part, split));
        String type = headers.getOrDefault("content-type", "");
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            collect(boundary(type), rest, out);
            return;
        }
        // an application/http part: request line, headers, blank line, body
        int lineEnd = rest.indexOf('\n');
        String requestLine = (lineEnd < 0 ? rest : rest.substring(0, lineEnd)).trim();
        String[] words = requestLine.split(" ");
        if (words.length < 2) {
            throw ServiceErrors.badBody("a $batch part has no request line: '" + requestLine + "'");
        }
        String afterLine = lineEnd < 0 ? "" : rest.substring(lineEnd + 1);
        int bodyAt = headerEnd(afterLine);
        Map<String, String> partHeaders = headers(afterLine.substring(0, bodyAt));
        String body = afterLine.substring(skipBlank(afterLine, bodyAt));
        body = body.replaceAll("\\r?\\n$", ""); // the line end before the next boundary belongs to it
        out.add(new Operation(words[0].toUpperCase(Locale.ROOT), words[1], partHeaders, body.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : block.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /** Where the header block ends: the first empty line (CRLF or LF line ends). */
    private static int headerEnd(String s) {
        Matcher m = Pattern.compile("\\r?\\n\\r?\\n").matcher(s);
        return m.find() ? m.start() : s.length();
    }

    private static int skipBlank(String s, int at) {
        Matcher m = Pattern.compile("\\r?\\n\\r?\\n").matcher(s);
        return m.find(at) && m.start() == at ? m.end() : Math.min(s.length(), at);
    }

    private static int skipLineEnd(String s, int at) {
        if (s.startsWith("\r\n", at)) {
            return at + 2;
        }
        return s.startsWith("\n", at) ? at + 1 : at;
    }
}
