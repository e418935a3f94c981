package dev.amsh.ops;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The target's assets named after the source container: the one in use (holding an already cloned locator, else
 * amsh's replica, else the oldest) and the others, reported for {@code cleanup}. A cloned locator on an asset not
 * named so is someone else's setup: refused before any change.
 */
record FailoverTargets(MediaAsset chosen, List<MediaAsset> others) {
    static FailoverTargets find(Datacenter b, MediaAsset source, List<OriginLocator> origins,
                                List<Optional<OriginLocator>> present, String toName) {
        String mark = ReplicaTargets.marker(source.id());
        List<MediaAsset> named = b.named(source.container()).stream()
                .sorted(Comparator.<MediaAsset, Boolean>comparing(x -> !mark.equals(x.alternateId()))
                        .thenComparing(MediaAsset::created, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(MediaAsset::id)).toList();
        for (int i = 0; i < origins.size(); i++) {
            if (present.get(i).isEmpty()) {
                continue;
            }
            String holder = present.get(i).get().asset();
            Optional<MediaAsset> match = named.stream().filter(x -> holder.equals(x.id()) || holder.equals(x.name())).findFirst();
            if (match.isEmpty()) {
                throw new AmshException("locator " + origins.get(i).guid() + " already exists on " + toName + " for asset "
                        + holder + ", which is not named after the source's container",
                        "if that asset is a replica made by hand, continue with 'copy … --to " + toName + " --into "
                                + holder + "'; nothing was changed");
            }
            return new FailoverTargets(match.get(), named.stream().filter(x -> x != match.get()).toList());
        }
        return named.isEmpty() ? new FailoverTargets(null, List.of()) : new FailoverTargets(named.get(0), named.subList(1, named.size()));
    }

    String duplicatesNote(String to) {
        return others.isEmpty() ? "" : "; " + others.size() + " duplicate(s) left by earlier runs: 'cleanup --on " + to
                + "' removes them";
    }
}
