package dev.amsh.emulator.rest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity Ids as the service wrote them ({@code nb:cid:UUID:…}), from whatever form a client sent. */
final class EntityKeys {
    private static final Pattern GUID = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    private EntityKeys() {
    }

    static String forSet(String set, String key) {
        String kind = switch (set) {
            case "Assets", "Files" -> "cid";
            case "AccessPolicies" -> "pid";
            case "Locators" -> "lid";
            case "Jobs" -> "jid";
            case "Tasks" -> "tid";
            case "MediaProcessors" -> "mpid";
            default -> "";
        };
        return normalize(kind, key);
    }

    static String normalize(String kind, String raw) {
        return "nb:" + kind + ":UUID:" + guidOf(raw);
    }

    static String guidOf(String raw) {
        Matcher m = GUID.matcher(raw == null ? "" : raw);
        if (!m.find()) {
            throw ServiceErrors.badRequest("'" + raw + "' is not a valid Id");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }
}
