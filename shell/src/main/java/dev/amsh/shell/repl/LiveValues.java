package dev.amsh.shell.repl;

import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.shell.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Asset names and Ids and locator Ids of a context, fetched when completion first needs them and kept
 * briefly, so tab stays fast without going stale.
 */
final class LiveValues {
    static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(Instant fetched, List<String> values) {
    }

    private final Session session;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    LiveValues(Session session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    List<String> assets(String context) {
        return cached("assets:" + context, () -> {
            List<String> out = new ArrayList<>();
            session.contexts().get(context).datacenter().assets(new AssetQuery(null, null, 2000)).forEach(a -> {
                if (a.name() != null && !a.name().isBlank() && !a.name().contains(" ")) {
                    out.add(a.name());
                }
                if (!a.id().equals(a.name())) {
                    out.add(a.id());
                }
            });
            return out;
        });
    }

    /** What 'locators rm' and 'locator clone' take: v2 Ids (streaming and SAS locators), v3 names. */
    List<String> locators(String context) {
        return cached("locators:" + context, () -> {
            List<String> out = new ArrayList<>();
            Datacenter dc = session.contexts().get(context).datacenter();
            dc.allLocators().stream().limit(2000).forEach(l -> out.add(l.id()));
            dc.allGrants().stream().limit(2000).forEach(g -> out.add(g.id()));
            return out;
        });
    }

    List<String> jobs(String context) {
        return cached("jobs:" + context, () -> {
            List<String> out = new ArrayList<>();
            session.contexts().get(context).datacenter().encoding().jobs(2000).forEach(j -> out.add(j.id()));
            return out;
        });
    }

    private List<String> cached(String key, Supplier<List<String>> fetch) {
        Entry e = cache.get(key);
        if (e != null && Duration.between(e.fetched(), clock.instant()).compareTo(TTL) < 0) {
            return e.values();
        }
        try {
            List<String> values = fetch.get();
            cache.put(key, new Entry(clock.instant(), values));
            return values;
        } catch (RuntimeException ex) {
            return List.of(); // completion never fails the line being typed
        }
    }
}
