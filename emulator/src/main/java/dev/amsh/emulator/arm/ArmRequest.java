package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.util.List;
import java.util.Map;

/**
 * One ARM call under the account: its method, the path segments after the account ({@code assets}, a name, an
 * action), the query, the body, the base URL as the client addressed it, the account's resource id and the
 * api-version. Handlers read this and answer an {@link ArmReply}; they never touch the exchange.
 */
record ArmRequest(HttpExchange ex, String method, List<String> segments, Map<String, String> query, JsonNode body,
                  String base, String accountId, String apiVersion) {
    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    /** A URL under the account, for LRO headers: {@code {base}{accountId}/{path}?api-version=…}. */
    String accountUrl(String path) {
        return base + accountId + "/" + path + "?api-version=" + apiVersion;
    }
}
