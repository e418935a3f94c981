package dev.amsh.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the HLS playlists the origin writes (RFC 8216): every line must be a known tag, a URI
 * right after the tag that takes one, or blank; attribute lists must parse whole.
 */
record M3u8(List<Tag> tags) {
    private static final Set<String> KNOWN = Set.of("EXTM3U", "EXT-X-VERSION", "EXT-X-INDEPENDENT-SEGMENTS", "EXT-X-MEDIA",
            "EXT-X-STREAM-INF", "EXT-X-TARGETDURATION", "EXT-X-MEDIA-SEQUENCE", "EXT-X-PLAYLIST-TYPE", "EXT-X-MAP",
            "EXTINF", "EXT-X-ENDLIST", "EXT-X-CONTENT-STEERING");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"\\r\\n]*\"|[^\",]*)(,|$)");

    /** One tag, its value, its attributes (when it has a list) and the URI line that follows it, if any. */
    record Tag(String name, String value, Map<String, String> attributes, String uri) {
    }

    static M3u8 parse(String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals("#EXTM3U")) {
            throw new IllegalArgumentException("a playlist starts with #EXTM3U, not: " + lines[0]);
        }
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#EXT")) {
                throw new IllegalArgumentException("line " + (i + 1) + " is a URI with no tag before it: " + line);
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line.substring(1) : line.substring(1, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown tag on line " + (i + 1) + ": " + name);
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            if (Set.of("EXT-X-MEDIA", "EXT-X-STREAM-INF", "EXT-X-MAP", "EXT-X-CONTENT-STEERING").contains(name)) {
                Matcher m = ATTRIBUTE.matcher(value);
                int at = 0;
                while (at < value.length()) {
                    if (!m.find(at) || m.start() != at) {
                        throw new IllegalArgumentException("bad attribute list on line " + (i + 1) + ": " + value);
                    }
                    String v = m.group(2);
                    attrs.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
                    at = m.end();
                }
            }
            String uri = null;
            if (name.equals("EXTINF") || name.equals("EXT-X-STREAM-INF")) {
                uri = lines[++i];
                if (uri.isEmpty() || uri.startsWith("#")) {
                    throw new IllegalArgumentException(name + " on line " + i + " has no URI after it");
                }
            }
            tags.add(new Tag(name, value, attrs, uri));
        }
        return new M3u8(tags);
    }

    List<Tag> all(String name) {
        return tags.stream().filter(t -> t.name.equals(name)).toList();
    }

    Tag one(String name) {
        List<Tag> found = all(name);
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " " + name + " tags");
        }
        return found.get(0);
    }
}
