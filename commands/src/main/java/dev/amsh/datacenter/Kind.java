package dev.amsh.datacenter;

import dev.amsh.error.AmshException;

import java.util.Locale;

/** Which Media Services API a datacenter speaks: v2 (REST/OData, retired) or v3 (Azure Resource Manager). */
public enum Kind {
    V2, V3;

    /** As contexts and tables print it: {@code v2}, {@code v3}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the kind calls a locator that streams: v2's origin locator, v3's streaming locator. */
    public String locatorNoun() {
        return this == V2 ? "origin locator" : "streaming locator";
    }

    /** A context's kind; none given means v2, as every context written before v3 existed. */
    public static Kind of(String text) {
        if (text == null || text.isBlank()) {
            return V2;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "v2" -> V2;
            case "v3" -> V3;
            default -> throw new AmshException("unknown context kind '" + text + "'", "use --kind v2 or --kind v3");
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
