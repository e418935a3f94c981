package dev.amsh.emulator.front;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The front's status as the control endpoint answers it, and read back by the shell. */
public final class FrontStatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FrontStatusJson() {
    }

    public static String write(FrontStatus s) {
        ObjectNode root = JSON.createObjectNode().put("url", s.url()).put("serving", s.serving());
        ObjectNode settings = root.putObject("settings");
        s.settings().describe().forEach(settings::put);
        ArrayNode list = root.putArray("endpoints");
        for (EndpointHealth h : s.endpoints()) {
            list.addObject().put("name", h.name()).put("priority", h.priority()).put("origin", h.origin())
                    .put("online", h.online()).put("consecutiveFailures", h.consecutiveFailures())
                    .put("lastResult", h.lastResult()).put("lastProbe", h.lastProbe() == null ? null : h.lastProbe().toString())
                    .put("changedAt", h.changedAt().toString());
        }
        return root.toString();
    }

    public static FrontStatus read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, String> settings = new LinkedHashMap<>();
            root.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
            FrontSettings parsed = FrontSettings.defaults().with(settings);
            List<EndpointHealth> endpoints = new ArrayList<>();
            for (JsonNode e : root.path("endpoints")) {
                endpoints.add(new EndpointHealth(e.path("name").asText(), e.path("priority").asInt(), e.path("origin").asText(),
                        e.path("online").asBoolean(), e.path("consecutiveFailures").asInt(), e.path("lastResult").asText(),
                        e.path("lastProbe").isNull() ? null : Instant.parse(e.path("lastProbe").asText()),
                        Instant.parse(e.path("changedAt").asText())));
            }
            return new FrontStatus(root.path("url").asText(), parsed, endpoints, root.path("serving").asText());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
