package dev.amsh.emulator.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity Ids as the service wrote them ({@code nb:cid:UUID:…}), from whatever form a client sent. */
final class EntityKeys {
    private static final Pattern GUID = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    private static final Pattern ASSET_IN_URI = Pattern.compile("Assets\\('([^']+)'\\)");

    private EntityKeys() {
    }

    /**
     * The asset an entity URI names ({@code …/Assets('nb%3Acid%3A…')}, its key encoded or not, absolute or
     * relative), normalized; empty when the URI names no asset. A '+' stays a '+': keys are path text, not a form.
     */
    static Optional<String> assetIn(String uri) {
        Matcher m = ASSET_IN_URI.matcher(uri == null ? "" : URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8));
        return m.find() ? Optional.of(normalize("cid", m.group(1))) : Optional.empty();
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
