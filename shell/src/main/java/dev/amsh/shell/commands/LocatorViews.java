package dev.amsh.shell.commands;

import dev.amsh.datacenter.ContainerGrant;
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
import java.util.Optional;

/** {@code locators ls | rm} and {@code publish} on any kind: streaming locators by Id, GUID or v3 name. */
final class LocatorViews {
    private LocatorViews() {
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
        String row = "%-36s %-48s %-30s %-20s %-20s %-12s %s%n";
        StringBuilder sb = new StringBuilder(String.format(row, "guid", "id", "policy", "start", "expires", "state", "asset"));
        for (OriginLocator l : shown) {
            sb.append(String.format(row, l.guid(), l.id(), l.policy() == null ? "-" : l.policy(),
                    l.start() == null ? "-" : l.start().truncatedTo(ChronoUnit.SECONDS),
                    l.end() == null ? "-" : l.end().truncatedTo(ChronoUnit.SECONDS),
                    LocatorCommands.Ls.state(LocatorWindow.of(l.start(), l.end(), now)), l.asset()));
        }
        return new TextView(sb.toString().stripTrailing(), shown);
    }

    /**
     * By v2 Id, GUID or v3 name. A v2 SAS locator is refused here: 'sas rm' removes it with its access policy, which
     * a locator alone would leave behind.
     */
    static String rm(Datacenter dc, String locator) {
        OriginLocator l = Publishing.find(dc, locator).orElse(null);
        if (l == null) {
            Optional<ContainerGrant> sas = dc.findGrant(locator);
            if (sas.isPresent()) {
                throw new AmshException("locator " + sas.get().id() + " on " + dc.name() + " is a SAS locator; nothing was removed",
                        "'sas rm " + sas.get().id() + " --on " + dc.name() + "' removes it with its access policy");
            }
            throw new AmshException("no " + dc.kind().locatorNoun() + " " + locator + " on " + dc.name(),
                    "list them with 'locators ls --on " + dc.name() + "'");
        }
        dc.unpublish(l);
        return "deleted " + dc.kind().locatorNoun() + " " + label(l) + " on " + dc.name();
    }

    /** v2 {@code nb:lid:UUID:G}; v3 {@code NAME (G)}, the name being what the API addresses it by. */
    static String label(OriginLocator l) {
        return l.id().contains(l.guid().toString()) ? l.id() : l.id() + " (" + l.guid() + ")";
    }

    /** Where the locator's URLs start on its datacenter; a clone already made is not failed by a read that fails after it. */
    static String originPath(Datacenter dc, OriginLocator l) {
        try {
            return dc.originBase(l);
        } catch (RuntimeException e) {
            return "(not read: " + e.getMessage() + ")";
        }
    }

    static TextView publish(Datacenter dc, Publishing.Published p) {
        OriginLocator l = p.locator();
        StringBuilder sb = new StringBuilder(dc.kind().locatorNoun() + " " + label(l)
                + (l.policy() == null ? "" : ", " + l.policy()));
        p.urls().forEach(u -> sb.append("\nstreaming URL  ").append(u));
        if (!p.note().isEmpty()) {
            sb.append("\nnote: ").append(p.note());
        } else if (p.urls().isEmpty()) {
            sb.append("\nnote: the datacenter gave no paths: the asset has nothing to stream");
        }
        return new TextView(sb.toString(), p);
    }
}
