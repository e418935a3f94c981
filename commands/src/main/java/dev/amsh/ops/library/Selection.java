package dev.amsh.ops.library;

import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Assets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which published assets a library command takes: named ones (names or Ids), a name glob, an OData filter, or
 * all. Names and globs are matched against the snapshot, so they cost no call; a filter is one filtered listing.
 */
public record Selection(List<String> assets, String glob, String filter) {
    public Selection {
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    public static Selection all() {
        return new Selection(List.of(), null, null);
    }

    public boolean isAll() {
        return assets.isEmpty() && (glob == null || glob.isBlank()) && (filter == null || filter.isBlank());
    }

    /**
     * Whether an asset published only on the other side, by its name, falls within this selection: never for named
     * assets (names belong to the source), else by the glob; an OData filter applies to the source alone.
     */
    public boolean takesFromOtherSide(String name) {
        if (!assets.isEmpty() || (filter != null && !filter.isBlank())) {
            return false;
        }
        return glob == null || glob.isBlank() || (name != null && Assets.globPattern(glob).matcher(name).matches());
    }

    /**
     * The assets of {@code side} this selection takes, in the snapshot's order: the published ones a glob or filter
     * selects, and every asset named, published or not (a name says which; an unpublished one has no locator to clone).
     */
    public List<MediaAsset> apply(DatacenterSnapshot side) {
        List<MediaAsset> published = side.published();
        if (isAll()) {
            return published;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String wanted : assets) {
            List<MediaAsset> match = side.assets().stream()
                    .filter(a -> a.id().equalsIgnoreCase(wanted) || wanted.equals(a.name())
                            || (wanted.length() == 36 && a.id().toLowerCase().endsWith(":" + wanted.toLowerCase()))).toList();
            if (match.isEmpty()) {
                throw new AmshException("no asset named or with Id '" + wanted + "' on " + side.name(),
                        "'assets ls --on " + side.name() + "' lists them");
            }
            match.forEach(a -> ids.add(a.id()));
        }
        List<MediaAsset> out = new ArrayList<>(assets.isEmpty() ? published
                : side.assets().stream().filter(a -> ids.contains(a.id())).toList());
        if (glob != null && !glob.isBlank()) {
            Pattern p = Assets.globPattern(glob);
            out.removeIf(a -> a.name() == null || !p.matcher(a.name()).matches());
        }
        if (filter != null && !filter.isBlank()) {
            Set<String> kept = side.datacenter().assets(new AssetQuery(null, filter, null)).stream()
                    .map(MediaAsset::id).collect(Collectors.toSet());
            out.removeIf(a -> !kept.contains(a.id()));
        }
        return out;
    }

    /** A glob or filter that took nothing on either side is a mistake to say, not an empty success. */
    void refuseEmpty(String context, boolean tookNothing) {
        if (!tookNothing || !assets.isEmpty()) {
            return;
        }
        if (glob != null && !glob.isBlank()) {
            throw new AmshException("no published asset of " + context + " matches --name '" + glob + "'",
                    "'assets ls --name '" + glob + "' --on " + context + "' lists every asset it matches; publish one, or name it");
        }
        if (filter != null && !filter.isBlank()) {
            throw new AmshException("no published asset of " + context + " matches --filter '" + filter + "'",
                    "'assets ls --filter …' shows what a filter selects");
        }
    }
}
