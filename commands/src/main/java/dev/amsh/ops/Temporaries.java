package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.model.Locator;

import java.util.ArrayList;
import java.util.List;

/**
 * Temporary SAS locators that an interrupted run left on an asset (killed before its cleanup): a re-run of the
 * same asset removes them with their policies before it makes its own, so a crash leaves nothing for long.
 */
final class Temporaries {
    private Temporaries() {
    }

    /** A SAS locator whose Name carries amsh's run marker. */
    static boolean isTemporary(Locator l) {
        return l.sas() && RunMarker.isTemporary(l.name());
    }

    static List<Locator> of(List<Locator> locatorsOfAsset) {
        return locatorsOfAsset.stream().filter(Temporaries::isTemporary).toList();
    }

    /** Removes them; returns the commands that finish what could not be removed. */
    static List<String> sweep(AmsClient ams, String context, List<Locator> temporaries) {
        List<String> left = new ArrayList<>();
        for (Locator l : temporaries) {
            try {
                ams.deleteLocator(l.id());
                ams.deleteAccessPolicy(l.accessPolicyId());
            } catch (RuntimeException e) {
                left.add("sas rm " + l.id() + " --on " + context);
            }
        }
        return left;
    }
}
