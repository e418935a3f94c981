package dev.amsh.datacenter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kind's own part of a cleanup: what was found, what was removed, the failures by id, and the assets holding a
 * locator of any kind (v2 Ids, v3 names, as {@link OriginLocator#asset()} says them).
 */
public record TemporarySweep(List<Leftover> found, List<Leftover> removed, Map<String, String> failures,
                             Set<String> assetsWithLocators) {
    public static TemporarySweep none(Set<String> assetsWithLocators) {
        return new TemporarySweep(List.of(), List.of(), Map.of(), assetsWithLocators);
    }
}
