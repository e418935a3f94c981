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
        this(configs, environment, null);
    }

    /**
     * The local pair's contexts, held in memory, beside a contexts file: contexts a person adds are written
     * to the file (and so used from the next start on), the pair's own never are.
     */
    public Contexts(Map<String, ContextConfig> local, ContextEnvironment environment, ContextsFile file) {
        this.file = file;
        this.environment = environment;
        this.persistent = false;
        this.configs.putAll(local);
        this.localNames.addAll(local.keySet());
        this.current = local.keySet().stream().findFirst().orElse(null);
        if (file != null && file.exists()) {
            ContextsFile.Content saved = file.read();
            if (saved.besideLocalPair()) {
                // contexts a person added while on the pair: back beside a and b (theirs win over a same name)
                saved.contexts().forEach((n, c) -> {
                    configs.put(n, c);
                    localNames.remove(n);
                });
                if (saved.current() != null && configs.containsKey(saved.current())) {
                    current = saved.current();
                }
            }
        }
    }

    private final java.util.Set<String> localNames = new java.util.HashSet<>();

    /** Whether a context is the local pair's own (not one a person added beside it). */
    public boolean isLocalPair(String name) {
        return localNames.contains(name);
    }

    /** Where {@code context add} keeps a context, or null when it lives for this session only. */
    public ContextsFile savedTo() {
        return file;
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
        if (current == null && persistent && !file.exists()) {
            // a contexts file named on the command line that is not there yet: the first context add writes it
            throw new AmshException("contexts file " + file.path() + " does not exist yet, so no context is configured",
                    "add one with 'context add' or 'context import', which creates the file; or check the path");
        }
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
        localNames.remove(name);
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
        } else if (file != null && configs.keySet().stream().anyMatch(n -> !localNames.contains(n))) {
            // only contexts a person added go to the file; the file's own current stays unless one of those is current
            ContextsFile.Content existing = file.read();
            Map<String, ContextConfig> added = new LinkedHashMap<>(existing.contexts());
            configs.forEach((n, c) -> {
                if (!localNames.contains(n)) {
                    added.put(n, c);
                }
            });
            String saved = current != null && !localNames.contains(current) ? current
                    : existing.current() != null && added.containsKey(existing.current()) ? existing.current()
                    : added.keySet().iterator().next();
            file.write(new ContextsFile.Content(saved, added, true));
        }
    }

    /** Removes a context a person added; the local pair's own a and b cannot be removed. */
    public synchronized void remove(String name) {
        get(name);
        if (localNames.contains(name)) {
            throw new AmshException("context " + name + " is the local pair's own", "nothing to remove; it exists while the pair is used");
        }
        if (configs.size() == 1) {
            throw new AmshException("context " + name + " is the only one", "add another first, or delete the contexts file");
        }
        configs.remove(name);
        live.remove(name);
        if (name.equals(current)) {
            current = configs.keySet().iterator().next();
        }
        if (persistent) {
            file.write(new ContextsFile.Content(current, configs));
        } else if (file != null && file.exists()) {
            ContextsFile.Content existing = file.read();
            Map<String, ContextConfig> kept = new LinkedHashMap<>(existing.contexts());
            kept.remove(name);
            if (kept.isEmpty()) {
                file.delete();
            } else {
                file.write(new ContextsFile.Content(kept.containsKey(existing.current()) ? existing.current()
                        : kept.keySet().iterator().next(), kept, existing.localPair()));
            }
        }
    }
}
