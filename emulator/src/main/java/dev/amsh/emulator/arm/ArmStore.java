package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.rest.EntityStore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The v3 account's resources, kept as their wire JSON in the datacenter's {@link EntityStore} (persisted under
 * the data folder). Names are case-insensitive in ARM, so each is stored under its lower-cased key ({@code Id});
 * fields starting with {@code _} are the emulator's own and never sent.
 */
final class ArmStore {
    private final EntityStore store;

    ArmStore(EntityStore store) {
        this.store = store;
    }

    static String key(String... parts) {
        return String.join("/", parts).toLowerCase(Locale.ROOT);
    }

    Optional<ObjectNode> get(String set, String key) {
        return store.get(set, key);
    }

    void put(String set, String key, ObjectNode resource) {
        resource.put("Id", key);
        store.put(set, resource);
    }

    boolean remove(String set, String key) {
        return store.remove(set, key);
    }

    List<ObjectNode> all(String set) {
        return store.find(set, n -> true);
    }

    /** Marks a resource changed in place (state moves of a job or an endpoint). */
    void touched() {
        store.touched();
    }

    Object lock() {
        return store;
    }

    /** The resource as sent: without the store key and the emulator's own fields. */
    static ObjectNode wire(ObjectNode stored) {
        ObjectNode copy = stored.deepCopy();
        copy.remove("Id");
        List<String> own = new ArrayList<>();
        for (Iterator<String> it = copy.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.startsWith("_")) {
                own.add(f);
            }
        }
        copy.remove(own);
        return copy;
    }
}
