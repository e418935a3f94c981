package dev.amsh.ops.library;

import dev.amsh.ams.model.Asset;

import java.util.ArrayList;
import java.util.List;

/**
 * What replicating one examined asset takes, derived from its drifts alone (pure): a target to create, blobs to
 * copy, files to register, a primary file to mark, locators to clone or whose expiry to align, amsh's own empty
 * duplicates to remove, and what is left as it is (extra files, blobs and locators on the replica are never
 * removed: a locator there may be what viewers are using).
 */
public record AssetPlan(boolean createTarget, boolean copyBlobs, boolean register, boolean markPrimary,
                        List<String> toClone, List<String> toAlign, List<Asset> removeDuplicates, List<String> leftAsIs) {

    public static AssetPlan of(Library.Examined e) {
        boolean create = e.pair().target().isEmpty();
        boolean copy = create || e.drifts().stream().anyMatch(AssetDiff::needsCopy);
        boolean register = create || has(e, Drift.Kind.MISSING_FILE) || has(e, Drift.Kind.FILE_DIFFERS);
        boolean primary = !register && has(e, Drift.Kind.PRIMARY_DIFFERS);
        List<String> clone = new ArrayList<>();
        List<String> align = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (Drift d : e.drifts()) {
            switch (d.kind()) {
                case MISSING_LOCATOR -> clone.add(d.subject());
                case WINDOW_DIFFERS -> align.add(d.subject());
                case EXTRA_BLOB, EXTRA_FILE, EXTRA_LOCATOR -> left.add(d.line());
                default -> {
                }
            }
        }
        return new AssetPlan(create, copy, register, primary, clone, align, e.pair().emptyDuplicates(), left);
    }

    /** The same plan with one more thing said about what is left as it is. */
    AssetPlan withNote(String note) {
        List<String> left = new ArrayList<>(leftAsIs);
        left.add(note);
        return new AssetPlan(createTarget, copyBlobs, register, markPrimary, toClone, toAlign, removeDuplicates, List.copyOf(left));
    }

    public boolean changesNothing() {
        return !createTarget && !copyBlobs && !register && !markPrimary && toClone.isEmpty() && toAlign.isEmpty()
                && removeDuplicates.isEmpty();
    }

    private static boolean has(Library.Examined e, Drift.Kind kind) {
        return e.drifts().stream().anyMatch(d -> d.kind() == kind);
    }
}
