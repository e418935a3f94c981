package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code $select=Name,State}: only the named properties are written. The Id stays (the entity's URIs are made
 * from it), and so do the emulator's private fields the writers skip anyway.
 */
record Select(Set<String> properties) {
    static final Select ALL = new Select(null);

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
        return out;
    }
}
