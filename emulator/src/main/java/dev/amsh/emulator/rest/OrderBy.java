package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/** {@code $orderby=Prop [asc|desc][, Prop2 …]}: a comparator over stored entities, nulls first as the service sorted them. */
final class OrderBy {
    private OrderBy() {
    }

    static Comparator<ObjectNode> parse(String expression, Set<String> properties) {
        Comparator<ObjectNode> order = null;
        for (String term : expression.split(",")) {
            String[] words = term.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw ServiceErrors.badRequest("$orderby takes 'Property [asc|desc]', comma-separated: '" + expression + "'");
            }
            String property = words[0];
            if (!properties.contains(property)) {
                throw ServiceErrors.badRequest("$orderby names no property '" + property + "' of this entity set");
            }
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ServiceErrors.badRequest("$orderby direction is asc or desc, not '" + words[1] + "'");
            }
            Comparator<ObjectNode> one = Comparator.comparing(n -> n.get(property), OrderBy::compareValues);
            if (direction.equals("desc")) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    private static int compareValues(JsonNode x, JsonNode y) {
        boolean xNull = x == null || x.isNull();
        boolean yNull = y == null || y.isNull();
        if (xNull || yNull) {
            return Boolean.compare(!xNull, !yNull);
        }
        if (x.isNumber() && y.isNumber()) {
            return Double.compare(x.asDouble(), y.asDouble());
        }
        if (x.isBoolean() && y.isBoolean()) {
            return Boolean.compare(x.asBoolean(), y.asBoolean());
        }
        return x.asText().compareTo(y.asText());
    }
}
