package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One page of a v3 list: {@code $filter}, {@code $orderby} (default: by name), {@code $top} as the page size, and
 * an absolute {@code @odata.nextLink} with {@code $skiptoken} only when more remain. The token is the offset of
 * the next item in the filtered, ordered list, so the link carries every query option again.
 */
final class ArmListing {
    static final int DEFAULT_PAGE = 1000;

    private ArmListing() {
    }

    static ObjectNode page(ArmRequest r, List<ObjectNode> items, Set<String> fields) {
        var where = ArmFilter.parse(r.query().get("$filter"), fields);
        List<ObjectNode> matched = new ArrayList<>();
        for (ObjectNode n : items) {
            if (where.test(n)) {
                matched.add(n);
            }
        }
        matched.sort(order(r.query().get("$orderby"), fields));
        int size = number(r.query().get("$top"), "$top", DEFAULT_PAGE);
        if (size < 1) {
            throw ArmError.badRequest("$top must be a positive number.");
        }
        int from = number(r.query().get("$skiptoken"), "$skiptoken", 0);
        ObjectNode page = ArmJson.object();
        ArrayNode value = page.putArray("value");
        int to = Math.min(matched.size(), from + Math.min(size, DEFAULT_PAGE));
        for (int i = Math.max(0, from); i < to; i++) {
            value.add(matched.get(i));
        }
        if (to < matched.size()) {
            StringBuilder link = new StringBuilder(r.base()).append(r.ex().getRequestURI().getRawPath())
                    .append("?api-version=").append(r.apiVersion());
            for (String k : List.of("$filter", "$orderby", "$top")) {
                String v = r.query().get(k);
                if (v != null) {
                    link.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
                }
            }
            link.append("&$skiptoken=").append(to);
            page.put("@odata.nextLink", link.toString());
        }
        return page;
    }

    private static int number(String s, String what, int dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw ArmError.badRequest(what + " must be a number, not '" + s + "'.");
        }
    }

    private static Comparator<JsonNode> order(String orderby, Set<String> fields) {
        Comparator<JsonNode> byName = Comparator.comparing(n -> n.path("name").asText());
        if (orderby == null || orderby.isBlank()) {
            return byName;
        }
        Comparator<JsonNode> c = null;
        for (String part : orderby.split(",")) {
            String[] words = part.strip().split("\\s+");
            String path = words[0].toLowerCase(Locale.ROOT);
            if (!fields.contains(path)) {
                throw ArmError.badRequest("Invalid $orderby: '" + words[0] + "' cannot be ordered on.");
            }
            boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
            if (words.length > 1 && !desc && !words[1].equalsIgnoreCase("asc")) {
                throw ArmError.badRequest("Invalid $orderby: say asc or desc after '" + words[0] + "'.");
            }
            Comparator<JsonNode> one = Comparator.comparing(n -> sortKey(n, path), Comparator.nullsFirst(Comparator.naturalOrder()));
            if (desc) {
                one = one.reversed();
            }
            c = c == null ? one : c.thenComparing(one);
        }
        return c.thenComparing(byName);
    }

    private static String sortKey(JsonNode n, String path) {
        String v = ArmFilter.value(n, path);
        Instant t = ArmFilter.instant(v);
        return t != null ? String.format("%020d%09d", t.getEpochSecond(), t.getNano()) : v;
    }
}
