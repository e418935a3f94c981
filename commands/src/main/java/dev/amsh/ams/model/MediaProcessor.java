package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.amsh.ams.model.ODataJson.text;

/** A media processor such as "Media Encoder Standard". */
public record MediaProcessor(String id, String name, String description, String vendor, String version) {
    public static MediaProcessor from(JsonNode n) {
        return new MediaProcessor(text(n, "Id"), text(n, "Name"), text(n, "Description"), text(n, "Vendor"),
                text(n, "Version"));
    }

    /** Compares dotted versions numerically, so 1.10 is newer than 1.9. */
    public int compareVersion(MediaProcessor other) {
        String[] a = (version == null ? "0" : version).split("\\.");
        String[] b = (other.version == null ? "0" : other.version).split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? parse(a[i]) : 0;
            int y = i < b.length ? parse(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
