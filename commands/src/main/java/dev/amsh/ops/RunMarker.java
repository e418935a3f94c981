package dev.amsh.ops;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The mark amsh puts in the Name of every temporary entity it makes (SAS locators and their policies), so the
 * run that made them, a re-run, or {@code cleanup} can find and remove exactly amsh's own, and nothing else.
 */
public record RunMarker(String id) {
    public static final String PREFIX = "amsh-tmp ";

    public static RunMarker create(Supplier<UUID> ids) {
        return new RunMarker(ids.get().toString().substring(0, 8));
    }

    /** The Name for a temporary entity of this run, e.g. {@code amsh-tmp 1a2b3c4d read}. */
    public String name(String purpose) {
        return PREFIX + id + " " + purpose;
    }

    /**
     * Whether a Name marks a temporary entity of amsh's making. Older versions named temporary and deliberate SAS
     * locators alike ("amsh read"), so those names are never taken for temporary: they may be someone's link.
     */
    public static boolean isTemporary(String name) {
        return name != null && name.startsWith(PREFIX);
    }
}
