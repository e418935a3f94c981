package dev.amsh.ams.model;

import dev.amsh.error.AmshException;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media Services ids: {@code nb:<type>:UUID:<guid>}. Accepts every form people paste (prefixed, bare GUID,
 * percent-encoded colons, upper case, braces) and normalizes to the service's canonical form.
 */
public final class EntityIds {
    private static final Pattern GUID = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final Pattern PREFIXED = Pattern.compile("(?i)^nb:([a-z]+):uuid:\\{?" + GUID.pattern() + "}?$");

    private EntityIds() {
    }

    /**
     * The canonical id of the given kind ("cid", "lid", "pid", "jid", "tid", "mpid") for any accepted form.
     * A prefixed Id of another kind is refused: an asset Id is no job Id, even though both hold a GUID.
     */
    public static String normalize(String kind, String raw) {
        String guid = guidOf(raw);
        Matcher m = PREFIXED.matcher(raw.trim().replace("%3A", ":").replace("%3a", ":"));
        if (m.matches() && !m.group(1).equalsIgnoreCase(kind)) {
            throw new AmshException("'" + raw.trim() + "' is " + describe(m.group(1)) + ", not " + describe(kind),
                    "give " + describe(kind) + " (nb:" + kind + ":UUID:…) or a bare GUID");
        }
        return "nb:" + kind + ":UUID:" + guid;
    }

    private static String describe(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "cid" -> "an asset or file Id";
            case "lid" -> "a locator Id";
            case "pid" -> "an access policy Id";
            case "jid" -> "a job Id";
            case "tid" -> "a task Id";
            case "mpid" -> "a media processor Id";
            default -> "an Id of kind " + kind;
        };
    }

    /** The lowercase GUID inside any accepted id form. */
    public static String guidOf(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new AmshException("an Id is required", "give an Id such as nb:cid:UUID:<guid> or a bare GUID");
        }
        String s = raw.trim().replace("%3A", ":").replace("%3a", ":");
        Matcher m = PREFIXED.matcher(s);
        if (m.matches()) {
            return m.group(2).toLowerCase(Locale.ROOT);
        }
        String bare = s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
        if (GUID.matcher(bare).matches()) {
            return bare.toLowerCase(Locale.ROOT);
        }
        throw new AmshException("'" + raw + "' is not an Id", "give nb:<type>:UUID:<guid> or a bare GUID");
    }

    /** True when the text is an Id in any accepted form (used to tell Ids from names). */
    public static boolean looksLikeId(String raw) {
        if (raw == null) {
            return false;
        }
        String s = raw.trim().replace("%3A", ":").replace("%3a", ":");
        return PREFIXED.matcher(s).matches() || GUID.matcher(s.replace("{", "").replace("}", "")).matches();
    }

    public static String newId(String kind, UUID uuid) {
        return "nb:" + kind + ":UUID:" + uuid.toString().toLowerCase(Locale.ROOT);
    }
}
