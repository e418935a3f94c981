package dev.amsh.ams.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of v2's numeric enumerations: the numbers on the wire and the names amsh holds in its records, prints in
 * tables and JSON, and compares in Groovy ({@code it.state == 'Published'}). A number the table does not know
 * keeps its digits, so nothing the service answers is lost.
 */
public final class CodeNames {
    private final Map<Integer, String> names;

    private CodeNames(Map<Integer, String> names) {
        this.names = names;
    }

    /** Names for the codes 0, 1, 2 … in order. */
    public static CodeNames ordered(String... names) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(i, names[i]);
        }
        return new CodeNames(m);
    }

    /** Names for the given codes (kept in the order of the codes, so flags print lowest bit first). */
    public static CodeNames of(Map<Integer, String> codes) {
        return new CodeNames(new TreeMap<>(codes));
    }

    public String name(int code) {
        return names.getOrDefault(code, String.valueOf(code));
    }

    /**
     * The names of the bits set in a flag value, joined by commas ({@code Read,Write}); the name of 0 when none is
     * set; bits without a name keep their number.
     */
    public String flags(int value) {
        if (value == 0) {
            return name(0);
        }
        List<String> set = new ArrayList<>();
        int rest = value;
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            int bit = e.getKey();
            if (bit != 0 && (value & bit) == bit) {
                set.add(e.getValue());
                rest &= ~bit;
            }
        }
        if (rest != 0) {
            set.add(String.valueOf(rest));
        }
        return String.join(",", set);
    }
}
