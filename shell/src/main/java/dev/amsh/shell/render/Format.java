package dev.amsh.shell.render;

import dev.amsh.error.AmshException;

import java.util.Locale;

/** The output formats of {@code -o}. */
public enum Format {
    TABLE, JSON, TSV;

    public static Format parse(String s) {
        if (s == null) {
            return TABLE;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AmshException("unknown output format '" + s + "'", "use -o table, -o json or -o tsv");
        }
    }
}
