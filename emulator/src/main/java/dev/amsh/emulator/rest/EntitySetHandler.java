package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The rules of one entity set: what a create, a MERGE and a DELETE do, what a read adds to a stored entity, and
 * where its navigation properties lead. Handlers work on entities and bodies (JSON-shaped, whatever the wire
 * format was) and never touch the HTTP exchange; what a set does not allow is refused with 405.
 */
interface EntitySetHandler {

    /** Where a navigation property leads: entities of a set, one ({@code single}) or a collection. */
    record Related(String set, List<ObjectNode> entities, boolean single) {
    }

    String set();

    default ObjectNode create(JsonNode body) {
        throw ServiceErrors.methodNotAllowed("POST is not allowed on " + set());
    }

    default void merge(ObjectNode entity, JsonNode body) {
        throw ServiceErrors.methodNotAllowed("MERGE is not allowed on " + set());
    }

    default void delete(ObjectNode entity) {
        throw ServiceErrors.methodNotAllowed("DELETE is not allowed on " + set());
    }

    /** The entity as read: stored fields plus what the service computed from where things live now. */
    default ObjectNode decorate(ObjectNode stored) {
        return stored;
    }

    default Related navigate(ObjectNode entity, String navigation) {
        throw ServiceErrors.notFound("Resource not found for the segment '" + navigation + "'");
    }
}
