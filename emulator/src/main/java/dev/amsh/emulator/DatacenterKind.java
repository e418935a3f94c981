package dev.amsh.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which Media Services API a datacenter of the pair speaks: v2 (REST/OData) or v3 (ARM). */
public enum DatacenterKind {
    V2, V3;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatacenterKind parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "v2" -> V2;
            case "v3" -> V3;
            default -> throw new IllegalArgumentException("unknown kind '" + s + "': say v2 or v3");
        };
    }

    /**
     * The kinds of a and b from {@code --kind}: one kind for both ({@code v3}) or one each ({@code v2,v3}).
     */
    public static List<DatacenterKind> pair(String s) {
        String[] parts = s.split(",", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("--kind takes one kind for both datacenters (v2, v3) or two, a's and b's (v2,v3)");
        }
        List<DatacenterKind> out = new ArrayList<>();
        for (String p : parts) {
            out.add(parse(p));
        }
        if (out.size() == 1) {
            out.add(out.get(0));
        }
        return List.copyOf(out);
    }
}
