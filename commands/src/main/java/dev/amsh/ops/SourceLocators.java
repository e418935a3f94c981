package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.error.AmshException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every origin locator of a source asset, by window: active and pending ones are replicated (each with its own
 * Id, start and expiry); expired ones are reported, not replicated, since they serve nothing on the source.
 */
public record SourceLocators(Asset asset, List<Locator> toReplicate, List<Locator> expired, List<Locator> temporaries,
                             Instant now) {

    public static SourceLocators of(AmsClient a, Asset source, Instant now) {
        List<Locator> all = a.listLocatorsOf(source.id());
        List<Locator> temporaries = Temporaries.of(all);
        List<Locator> origins = all.stream()
                .filter(Locator::onDemandOrigin)
                // active first, then by start: the first is the one whose URLs are printed
                .sorted(Comparator.comparing((Locator l) -> LocatorWindow.of(l, now).state())
                        .thenComparing(l -> l.startTime() == null ? Instant.MIN : l.startTime()))
                .toList();
        List<Locator> replicate = origins.stream()
                .filter(l -> LocatorWindow.of(l, now).state() != LocatorWindow.State.EXPIRED).toList();
        List<Locator> expired = origins.stream()
                .filter(l -> LocatorWindow.of(l, now).state() == LocatorWindow.State.EXPIRED).toList();
        if (replicate.isEmpty()) {
            throw new AmshException("asset " + source.name() + " has no " + (expired.isEmpty() ? "" : "unexpired ")
                    + "origin locator on " + a.contextName() + (expired.isEmpty() ? ""
                    : " (" + expired.size() + " expired, the last " + LocatorWindow.of(expired.get(expired.size() - 1), now).describe() + ")"),
                    "publish it first: publish " + source.name() + " --on " + a.contextName());
        }
        return new SourceLocators(source, replicate, expired, temporaries, now);
    }

    public String describe() {
        String list = toReplicate.stream().map(l -> l.id() + windowNote(l)).collect(Collectors.joining(", "));
        return (toReplicate.size() == 1 ? "locator " : toReplicate.size() + " origin locators ") + list
                + (expired.isEmpty() ? "" : "; not replicated, expired: " + expired.stream()
                .map(l -> l.id() + " (" + LocatorWindow.of(l, now).describe() + ")").collect(Collectors.joining(", ")));
    }

    private String windowNote(Locator l) {
        LocatorWindow w = LocatorWindow.of(l, now);
        return w.state() == LocatorWindow.State.ACTIVE ? "" : " (" + w.describe() + ")";
    }
}
