package dev.amsh.shell.commands;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.LocatorWindow;
import dev.amsh.ops.Publishing;
import dev.amsh.shell.render.TextView;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** {@code locators ls | rm} and {@code publish} on a v3 context: streaming locators, by name. */
final class V3Locators {
    private V3Locators() {
    }

    static TextView ls(Datacenter dc, String asset, boolean expired, Integer days, Instant now) {
        List<OriginLocator> all = asset == null ? dc.allLocators().toList() : dc.locators(dc.resolve(asset));
        List<OriginLocator> shown = all.stream().filter(l -> {
            LocatorWindow w = LocatorWindow.of(l.start(), l.end(), now);
            if (expired) {
                return w.state() == LocatorWindow.State.EXPIRED;
            }
            if (days != null) {
                return w.state() == LocatorWindow.State.ACTIVE && l.end() != null && l.end().isBefore(now.plus(Duration.ofDays(days)));
            }
            return true;
        }).toList();
        if (shown.isEmpty()) {
            return new TextView("(no locators)", shown);
        }
        StringBuilder sb = new StringBuilder(String.format("%-40s %-36s %-30s %-20s %-20s %-12s %s%n", "name", "streamingLocatorId",
                "policy", "start", "expires", "state", "asset"));
        for (OriginLocator l : shown) {
            sb.append(String.format("%-40s %-36s %-30s %-20s %-20s %-12s %s%n", l.name(), l.guid(), l.policy(),
                    l.start() == null ? "-" : l.start().truncatedTo(ChronoUnit.SECONDS),
                    l.end() == null ? "-" : l.end().truncatedTo(ChronoUnit.SECONDS),
                    LocatorCommands.Ls.state(LocatorWindow.of(l.start(), l.end(), now)), l.asset()));
        }
        return new TextView(sb.toString().stripTrailing(), shown);
    }

    /** By name, or by streamingLocatorId. */
    static String rm(Datacenter dc, String locator) {
        String guid = locator.replaceFirst("(?i)^nb:lid:uuid:", "");
        OriginLocator l = guid.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                ? dc.locator(UUID.fromString(guid)).orElse(null)
                : dc.allLocators().stream().filter(x -> locator.equals(x.name())).findFirst().orElse(null);
        if (l == null) {
            throw new AmshException("no streaming locator " + locator + " on " + dc.name(), "list them with 'locators ls --on " + dc.name() + "'");
        }
        dc.unpublish(l);
        return "deleted streaming locator " + l.name() + " (" + l.guid() + ") on " + dc.name();
    }

    static TextView publish(Publishing.Published p) {
        StringBuilder sb = new StringBuilder("streaming locator " + p.locator().name() + " (streamingLocatorId "
                + p.locator().guid() + ", " + p.locator().policy() + ")");
        if (p.urls().isEmpty()) {
            sb.append('\n').append(p.note().isEmpty() ? "note: listPaths gave no paths: the asset has nothing to stream" : "note: " + p.note());
        }
        p.urls().forEach(u -> sb.append("\nstreaming URL  ").append(u));
        return new TextView(sb.toString(), p);
    }
}
