package dev.amsh.context;

import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;

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
            refuseMask(value, "environment variable " + name + " (" + what + ")");
            return value;
        }
        refuseMask(raw, what);
        return raw;
    }

    /**
     * Refuses the mask as a secret: history, output and logs hold {@value Redactor#MASK} in place of a typed
     * secret, so a recalled line or a pasted output would otherwise save the mask as the key.
     */
    public static void refuseMask(String value, String what) {
        if (value != null && value.contains(Redactor.MASK)) {
            throw new AmshException(what + " holds the mask " + Redactor.MASK + " that amsh shows in place of a secret,"
                    + " not the secret itself", "give " + what + " again: the real value, or env:VARIABLE");
        }
    }

    public static boolean isInline(String raw) {
        return raw != null && !raw.isBlank() && !raw.startsWith("env:");
    }
}
