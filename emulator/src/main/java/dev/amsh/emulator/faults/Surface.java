package dev.amsh.emulator.faults;

import java.util.Locale;

/** Where in a datacenter a fault is injected. */
public enum Surface {
    API, ORIGIN, STORAGE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Surface parse(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown surface '" + word + "' (api, origin, storage)");
        }
    }
}
