package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** A handler's answer: status, JSON body (or none) and extra headers (the LRO ones). */
record ArmReply(int status, JsonNode body, Map<String, String> headers) {
    static ArmReply of(int status, JsonNode body) {
        return new ArmReply(status, body, Map.of());
    }

    static ArmReply empty(int status) {
        return new ArmReply(status, null, Map.of());
    }

    /** A 202 of a long-running operation: both polling headers, and Retry-After as MK.IO's SDK requires. */
    static ArmReply accepted(String asyncOperation, String location) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Azure-AsyncOperation", asyncOperation);
        h.put("Location", location);
        h.put("Retry-After", "1");
        return new ArmReply(202, null, h);
    }
}
