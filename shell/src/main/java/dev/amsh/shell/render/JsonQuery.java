package dev.amsh.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.error.AmshException;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --query}: a JMESPath expression over a result's JSON form, as az has it. What it selects comes back
 * as plain lists, maps and scalars, so each output format prints it as it prints any result.
 */
final class JsonQuery {
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

    private JsonQuery() {
    }

    static Object apply(ObjectMapper json, Object value, String query) {
        JsonNode selected;
        try {
            selected = JMESPATH.compile(query).search(json.valueToTree(value));
        } catch (RuntimeException e) {
            throw new AmshException("--query '" + query + "' is not a JMESPath expression: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "e.g. --query '[].name' or --query '[].{name: name, id: id}'");
        }
        return plain(selected);
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(plain(n)));
            return out;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
