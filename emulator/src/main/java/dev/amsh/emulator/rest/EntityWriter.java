package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One wire format of the API's answers: an entity, a collection of entities, an error. JSON (verbose and light)
 * and Atom are the implementations; the request's Accept header picks one.
 */
public interface EntityWriter {

    String entityContentType();

    String collectionContentType();

    String errorContentType();

    String single(String set, ObjectNode entity);

    /** A collection; {@code count} (for {@code $inlinecount=allpages}) is how many matched before paging, or null. */
    String collection(String set, List<ObjectNode> entities, Long count);

    default String collection(String set, List<ObjectNode> entities) {
        return collection(set, entities, null);
    }

    /** One property's value ({@code GET Jobs('…')/State}). */
    String property(String name, JsonNode value);

    String propertyContentType();

    /** {@code $links}: the URIs a navigation property of {@code set} leads to; {@code single} for a to-one link. */
    String links(String set, String navigation, List<String> uris, boolean single);

    String linksContentType();

    /** The DataServiceVersion of an answer about {@code set} (the service answered the lowest its payload needed). */
    default String dataServiceVersion(String set) {
        return "3.0;";
    }

    String error(String code, String message);

    /** The key of an entity as it appears in URIs the service wrote: {@code Assets('nb%3Acid%3AUUID%3A…')}. */
    static String keyPath(String set, String id) {
        return set + "('" + id.replace("%", "%25").replace(":", "%3A") + "')";
    }
}
