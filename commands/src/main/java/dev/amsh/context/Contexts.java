package dev.amsh.context;

import dev.amsh.error.AmshException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contexts of one session, the current one, and where they are saved. */
public final class Contexts {
    private final ContextsFile file;
    private final ContextEnvironment environment;
    private final Map<String, AccountContext> live = new LinkedHashMap<>();
    private final Map<String, ContextConfig> configs = new LinkedHashMap<>();
    private final boolean persistent;
    private String current;

    /** Contexts backed by a file; changes are written back. */
    public Contexts(ContextsFile file, ContextEnvironment environment) {
        this.file = file;
        this.environment = environment;
        this.persistent = true;
        ContextsFile.Content c = file.read();
        configs.putAll(c.contexts());
        current = c.current() != null && configs.containsKey(c.current()) ? c.current()
                : configs.keySet().stream().findFirst().orElse(null);
    }

    /** Contexts held in memory only (the embedded local pair): nothing is written to disk. */
    public Contexts(Map<String, ContextConfig> configs, ContextEnvironment environment) {
        this.file = null;
        this.environment = environment;
        this.persistent = false;
        this.configs.putAll(configs);
        this.current = configs.keySet().stream().findFirst().orElse(null);
    }

    public ContextEnvironment environment() {
        return environment;
    }

    public boolean isEmpty() {
        return configs.isEmpty();
    }

    public List<String> names() {
        return new ArrayList<>(configs.keySet());
    }

    public String currentName() {
        return current;
    }

    public boolean persistent() {
        return persistent;
    }

    public ContextsFile file() {
        return file;
    }

    public synchronized AccountContext get(String name) {
        if (name == null) {
            return current();
        }
        ContextConfig cfg = configs.get(name);
        if (cfg == null) {
            throw new AmshException("no context named '" + name + "'",
                    "known contexts: " + String.join(", ", configs.keySet()) + "; add one with 'context add'");
        }
        return live.computeIfAbsent(name, n -> new AccountContext(n, cfg, environment));
    }

    public AccountContext current() {
        if (current == null) {
            throw new AmshException("no context is configured", "add one with 'context add' or 'context import'");
        }
        return get(current);
    }

    public synchronized void use(String name) {
        get(name);
        current = name;
        save();
    }

    public synchronized void put(String name, ContextConfig config) {
        configs.put(name, config);
        live.remove(name);
        if (current == null) {
            current = name;
        }
        save();
    }

    public Map<String, ContextConfig> configs() {
        return Map.copyOf(configs);
    }

    private void save() {
        if (persistent) {
            file.write(new ContextsFile.Content(current, configs));
        }
    }
}
