package dev.amsh.shell.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groovy call arguments split into named options (a leading map) and positional values. */
record CallArgs(Map<String, Object> options, List<Object> params) {
    static CallArgs of(Object args) {
        Object[] array = args instanceof Object[] a ? a : new Object[] {args};
        Map<String, Object> options = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>();
        for (Object o : Arrays.asList(array)) {
            if (o instanceof Map<?, ?> m && options.isEmpty() && params.isEmpty()) {
                m.forEach((k, v) -> options.put(String.valueOf(k), v));
            } else {
                params.add(o);
            }
        }
        return new CallArgs(options, params);
    }
}
