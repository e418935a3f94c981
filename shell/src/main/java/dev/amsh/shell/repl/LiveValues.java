package dev.amsh.shell.repl;

import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Kind;
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
            AccountContext ctx = session.contexts().get(context);
            if (ctx.kind() == Kind.V3) {
                ctx.datacenter().assets(new AssetQuery(null, null, 2000)).forEach(a -> out.add(a.name()));
                return out;
            }
            for (Asset a : ctx.ams().listAssets(Query.all().top(2000))) {
                if (a.name() != null && !a.name().isBlank() && !a.name().contains(" ")) {
                    out.add(a.name());
                }
                out.add(a.id());
            }
            return out;
        });
    }

    List<String> locators(String context) {
        return cached("locators:" + context, () -> {
            List<String> out = new ArrayList<>();
            AccountContext ctx = session.contexts().get(context);
            if (ctx.kind() == Kind.V3) {
                ctx.datacenter().allLocators().stream().limit(2000).forEach(l -> out.add(l.name()));
                return out;
            }
            for (Locator l : ctx.ams().listLocators(Query.all().top(2000))) {
                out.add(l.id());
            }
            return out;
        });
    }

    List<String> jobs(String context) {
        return cached("jobs:" + context, () -> {
            List<String> out = new ArrayList<>();
            session.contexts().get(context).ams().listJobs(Query.all().top(2000)).forEach(j -> out.add(j.id()));
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
