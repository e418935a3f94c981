package dev.amsh.context;

import dev.amsh.error.AmshException;

import java.util.Map;

/**
 * A secret as written in the contexts file: inline, or {@code env:NAME} to read it from an environment
 * variable so the file itself holds no secret.
 */
public final class SecretRef {
    private SecretRef() {
    }

    public static String resolve(String raw, String what, Map<String, String> env) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.startsWith("env:")) {
            String name = raw.substring(4);
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new AmshException(what + " refers to environment variable " + name + ", which is not set",
                        "export " + name + " or write the value into the contexts file");
            }
            return value;
        }
        return raw;
    }

    public static boolean isInline(String raw) {
        return raw != null && !raw.isBlank() && !raw.startsWith("env:");
    }
}
