package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code $expand=Files,Locators}: the related entities written inline. They travel to the writers in a private
 * field of the entity's copy ({@link #FIELD}: navigation to its set, whether it is to-one, and the entities).
 */
record Expand(List<String> navigations) {
    static final String FIELD = "_expanded";
    static final Expand NONE = new Expand(List.of());

    static Expand parse(String expression, String set) {
        if (expression == null || expression.isBlank()) {
            return NONE;
        }
        List<String> known = ODataWriter.NAVIGATION.getOrDefault(set, List.of());
        List<String> navs = new ArrayList<>();
        for (String n : expression.split(",")) {
            String nav = n.trim();
            if (nav.contains("/")) {
                throw ServiceErrors.badRequest("$expand goes one level deep here: '" + nav + "'");
            }
            if (!known.contains(nav)) {
                throw ServiceErrors.badRequest("$expand names no navigation property '" + nav + "' of " + set);
            }
            navs.add(nav);
        }
        return new Expand(List.copyOf(navs));
    }

    /** {@code entity} with its expanded navigations attached; {@code decorate} prepares each related entity. */
    ObjectNode apply(EntitySetHandler handler, ObjectNode entity, Function<String, EntitySetHandler> handlers) {
        if (navigations.isEmpty()) {
            return entity;
        }
        ObjectNode out = entity.deepCopy();
        ObjectNode expanded = out.putObject(FIELD);
        for (String nav : navigations) {
            EntitySetHandler.Related related = handler.navigate(entity, nav);
            EntitySetHandler target = handlers.apply(related.set());
            ObjectNode slot = expanded.putObject(nav).put("set", related.set()).put("single", related.single());
            ArrayNode entities = slot.putArray("entities");
            related.entities().forEach(e -> entities.add(target == null ? e : target.decorate(e)));
        }
        return out;
    }
}
