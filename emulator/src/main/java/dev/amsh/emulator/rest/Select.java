package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code $select=Name,State}: only the named properties are written, and no navigation link that is not named
 * (the documentation's {@code Jobs?$select=State}). The Id stays in the entity for its URIs, and so do the
 * emulator's private fields the writers skip anyway.
 */
record Select(Set<String> properties) {
    static final Select ALL = new Select(null);
    /** The private field that carries the selection to the writers. */
    static final String FIELD = "_select";

    static Select parse(String expression, Set<String> known) {
        if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
            return ALL;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : expression.split(",")) {
            String n = name.trim();
            if (!known.contains(n)) {
                throw ServiceErrors.badRequest("$select names no property '" + n + "' of this entity set");
            }
            names.add(n);
        }
        return new Select(names);
    }

    ObjectNode apply(ObjectNode entity) {
        if (properties == null) {
            return entity;
        }
        ObjectNode out = entity.deepCopy();
        out.retain(entity.properties().stream().map(e -> e.getKey())
                .filter(k -> k.equals("Id") || k.startsWith("_") || properties.contains(k)).toList());
        // the writers keep the Id for the entity's URIs but write only what was selected, as the service did
        out.putArray(FIELD).addAll(properties.stream().map(out::textNode).toList());
        return out;
    }
}
