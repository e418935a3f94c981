package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ARM's wire: JSON answers with the success and error content types AMS sent, and its timestamps. */
final class ArmJson {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUCCESS_TYPE = "application/json; odata.metadata=minimal";
    static final String ERROR_TYPE = "application/json; charset=utf-8";
    /** seven fractional digits, as ARM writes them */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ArmJson() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return object();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw ArmError.badRequest("The request body is not valid JSON.");
        }
    }

    static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        ex.getResponseHeaders().set("odata-version", "4.0");
        write(ex, status, SUCCESS_TYPE, body == null ? new byte[0] : JSON.writeValueAsBytes(body));
    }

    static void sendError(HttpExchange ex, ArmError e) throws IOException {
        ObjectNode body = object();
        body.putObject("error").put("code", e.code()).put("message", e.getMessage());
        if (e.status() == 401) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization_uri=\"\", error=\"invalid_token\", "
                    + "error_description=\"" + e.getMessage().replace("\"", "'") + "\"");
        }
        write(ex, e.status(), ERROR_TYPE, JSON.writeValueAsBytes(body));
    }

    static void write(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
        ex.close();
    }
}
