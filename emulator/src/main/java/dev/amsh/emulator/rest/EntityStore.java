package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The entities of one emulated account, by entity set and Id, kept as the JSON the service returns
 * (wire field names). Persisted to one file under the data directory: written in the background shortly
 * after changes and on close, so a restart loses nothing that was acknowledged before a clean stop.
 */
public final class EntityStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Map<String, ObjectNode>> sets = new LinkedHashMap<>();
    private boolean dirty;
    private final Thread flusher;
    private volatile boolean closed;

    public EntityStore(Path file) {
        this.file = file;
        load();
        flusher = new Thread(this::flushLoop, "amsh-emulator-store");
        flusher.setDaemon(true);
        flusher.start();
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            root.fields().forEachRemaining(set -> {
                Map<String, ObjectNode> entities = new LinkedHashMap<>();
                set.getValue().forEach(e -> entities.put(e.get("Id").asText(), (ObjectNode) e));
                sets.put(set.getKey(), entities);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state " + file, e);
        }
    }

    public synchronized void put(String set, ObjectNode entity) {
        sets.computeIfAbsent(set, s -> new LinkedHashMap<>()).put(entity.get("Id").asText(), entity);
        dirty = true;
        notifyAll();
    }

    public synchronized Optional<ObjectNode> get(String set, String id) {
        return Optional.ofNullable(sets.getOrDefault(set, Map.of()).get(id));
    }

    public synchronized boolean remove(String set, String id) {
        boolean removed = sets.getOrDefault(set, new LinkedHashMap<>()).remove(id) != null;
        if (removed) {
            dirty = true;
            notifyAll();
        }
        return removed;
    }

    public synchronized List<ObjectNode> find(String set, Predicate<ObjectNode> where) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode n : sets.getOrDefault(set, Map.of()).values()) {
            if (where.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    public synchronized int removeWhere(String set, Predicate<ObjectNode> where) {
        int n = 0;
        Iterator<ObjectNode> it = sets.getOrDefault(set, new LinkedHashMap<>()).values().iterator();
        while (it.hasNext()) {
            if (where.test(it.next())) {
                it.remove();
                n++;
            }
        }
        if (n > 0) {
            dirty = true;
            notifyAll();
        }
        return n;
    }

    /** Marks an entity changed in place (after a MERGE) so it is persisted. */
    public synchronized void touched() {
        dirty = true;
        notifyAll();
    }

    private void flushLoop() {
        while (!closed) {
            synchronized (this) {
                try {
                    while (!dirty && !closed) {
                        wait();
                    }
                    wait(200); // batch bursts of writes
                } catch (InterruptedException e) {
                    return;
                }
            }
            flush();
        }
    }

    public void flush() {
        if (file == null) {
            return;
        }
        byte[] bytes;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            ObjectNode root = JSON.createObjectNode();
            sets.forEach((name, entities) -> {
                var arr = root.putArray(name);
                entities.values().forEach(arr::add);
            });
            try {
                bytes = JSON.writeValueAsBytes(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dirty = false;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state " + file, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        flush();
    }
}
