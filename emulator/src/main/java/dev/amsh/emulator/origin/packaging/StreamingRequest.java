package dev.amsh.emulator.origin.packaging;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's dynamic packaging URL grammar, for the part after {@code /{locator-guid}/}:
 * {@code {name}.ism/manifest[(format=…,audio-only=…)]}, {@code {name}.ism/QualityLevels(b)/Manifest(track,format=…)}
 * and {@code {name}.ism/QualityLevels(b)/Fragments(track=t|i[,format=…])}. Names are case-insensitive, as on the
 * service; a trailing {@code .m3u8}/{@code .mpd} (for players that want an extension) is accepted.
 */
public sealed interface StreamingRequest {

    String ism();

    StreamingFormat format();

    /** The client manifest: Smooth, the HLS multivariant playlist, or the DASH MPD. */
    record ClientManifest(String ism, StreamingFormat format, boolean audioOnlyVariant) implements StreamingRequest {
    }

    /** An HLS media playlist of one rendition. */
    record MediaPlaylist(String ism, StreamingFormat format, long bitrate, String track) implements StreamingRequest {
    }

    /** An init segment ({@code time} is {@link #INIT}) or a media segment starting at {@code time} ticks. */
    record Fragment(String ism, StreamingFormat format, long bitrate, String track, long time) implements StreamingRequest {
        public static final long INIT = -1;
    }

    Pattern MANIFEST = Pattern.compile("(?i)^([^/]+\\.ism)/manifest(?:\\(([^)]*)\\))?(?:\\.m3u8|\\.mpd)?$");
    Pattern PLAYLIST = Pattern.compile("(?i)^([^/]+\\.ism)/QualityLevels\\((\\d{1,12})\\)/Manifest\\(([^,)=]+)(?:,([^)]*))?\\)(?:\\.m3u8)?$");
    Pattern FRAGMENT = Pattern.compile("(?i)^([^/]+\\.ism)/QualityLevels\\((\\d{1,12})\\)/Fragments\\(([^,)=]+)=(\\d{1,18}|i)(?:,([^)]*))?\\)$");

    /** Whether a path names something inside a {@code .ism} (and so is the packager's, not a file's). */
    static boolean isPackaged(String path) {
        return path.toLowerCase(Locale.ROOT).matches("[^/]+\\.ism/.+");
    }

    static StreamingRequest parse(String path) {
        Matcher m = MANIFEST.matcher(path);
        if (m.matches()) {
            Options o = Options.parse(m.group(2));
            return new ClientManifest(m.group(1), o.format, o.audioOnly);
        }
        m = PLAYLIST.matcher(path);
        if (m.matches()) {
            Options o = Options.parse(m.group(4));
            if (!o.format.isHls()) {
                throw OriginError.badRequest("a QualityLevels(…)/Manifest(…) playlist needs format=m3u8-aapl or m3u8-cmaf");
            }
            return new MediaPlaylist(m.group(1), o.format, Long.parseLong(m.group(2)), m.group(3).toLowerCase(Locale.ROOT));
        }
        m = FRAGMENT.matcher(path);
        if (m.matches()) {
            Options o = Options.parse(m.group(5));
            long time = m.group(4).equalsIgnoreCase("i") ? Fragment.INIT : Long.parseLong(m.group(4));
            if (time == Fragment.INIT && o.format == StreamingFormat.SMOOTH) {
                throw OriginError.badRequest("Smooth has no init segment (its manifest carries the codec data); "
                        + "Fragments(track=i) needs a format");
            }
            return new Fragment(m.group(1), o.format, Long.parseLong(m.group(2)), m.group(3).toLowerCase(Locale.ROOT), time);
        }
        throw OriginError.notFound("no such streaming path: " + path);
    }

    /** The comma-separated options inside the parentheses. */
    record Options(StreamingFormat format, boolean audioOnly) {
        static Options parse(String raw) {
            StreamingFormat format = StreamingFormat.SMOOTH;
            boolean audioOnly = true;
            if (raw == null || raw.isBlank()) {
                return new Options(format, audioOnly);
            }
            for (String part : raw.split(",")) {
                int eq = part.indexOf('=');
                String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : part.substring(eq + 1).trim();
                switch (key) {
                    case "format" -> format = StreamingFormat.byUrlName(value).orElseThrow(() -> OriginError.badRequest(
                            "unknown format '" + value + "': use m3u8-aapl, m3u8-cmaf, mpd-time-csf or mpd-time-cmaf"));
                    case "audio-only" -> {
                        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                            throw OriginError.badRequest("audio-only takes true or false, not '" + value + "'");
                        }
                        audioOnly = value.equalsIgnoreCase("true");
                    }
                    default -> throw OriginError.badRequest("unknown option '" + key + "' (the origin knows format and audio-only)");
                }
            }
            return new Options(format, audioOnly);
        }
    }
}
