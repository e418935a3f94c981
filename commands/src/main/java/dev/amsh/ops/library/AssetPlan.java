package dev.amsh.ops.library;

import dev.amsh.datacenter.MediaAsset;

import java.util.ArrayList;
import java.util.List;

/**
 * What replicating one examined asset takes, derived from its drifts alone (pure): a target to create, blobs to
 * copy, files to register, a primary file to mark, locators (by GUID) to clone or whose end to align, amsh's own
 * empty duplicates to remove, and what is left as it is (extra files, blobs and locators on the replica are never
 * removed: a locator there may be what viewers are using). Files are the target's to register where its kind does
 * (v2); {@code registersFiles} says so.
 */
public record AssetPlan(boolean createTarget, boolean copyBlobs, boolean register, boolean markPrimary,
                        List<String> toClone, List<String> toAlign, List<MediaAsset> removeDuplicates, List<String> leftAsIs) {

    public static AssetPlan of(DatacenterExamination e, boolean registersFiles) {
        boolean create = e.replica().isEmpty();
        boolean copy = create || e.drifts().stream().anyMatch(AssetDiff::needsCopy);
        boolean register = registersFiles && (create || e.has(Drift.Kind.MISSING_FILE) || e.has(Drift.Kind.FILE_DIFFERS));
        boolean primary = registersFiles && !register && e.has(Drift.Kind.PRIMARY_DIFFERS);
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
}
