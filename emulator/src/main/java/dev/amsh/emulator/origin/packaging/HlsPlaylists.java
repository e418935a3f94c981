package dev.amsh.emulator.origin.packaging;

import java.util.List;
import java.util.Locale;

/**
 * HLS playlists of a presentation: the multivariant playlist ({@code manifest(format=m3u8-…)}) and each
 * rendition's media playlist ({@code QualityLevels(b)/Manifest(track,format=…)}), with fMP4 segments.
 */
final class HlsPlaylists {
    private HlsPlaylists() {
    }

    static String multivariant(Presentation p, String format, boolean audioOnlyVariant) {
        StringBuilder sb = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        List<Presentation.MediaStream> audio = p.streams(TrackIndex.Kind.AUDIO);
        Presentation.Rendition mainAudio = audio.isEmpty() ? null : audio.get(0).renditions().get(0);
        for (Presentation.MediaStream s : audio) {
            for (Presentation.Rendition r : s.renditions()) {
                sb.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"").append(s.name()).append('_').append(r.bitrate())
                        .append("\",LANGUAGE=\"").append(s.language()).append("\",DEFAULT=").append(r == mainAudio ? "YES" : "NO")
                        .append(",AUTOSELECT=YES,CHANNELS=\"").append(r.track().channels()).append("\",URI=\"")
                        .append(mediaPlaylistUri(s, r, format)).append("\"\n");
            }
        }
        for (Presentation.MediaStream s : p.streams(TrackIndex.Kind.VIDEO)) {
            for (Presentation.Rendition r : s.renditions()) {
                long bandwidth = r.bitrate() + (mainAudio == null ? 0 : mainAudio.bitrate());
                sb.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth).append(",RESOLUTION=").append(r.track().width())
                        .append('x').append(r.track().height()).append(",CODECS=\"").append(r.track().codecs());
                if (mainAudio != null) {
                    sb.append(',').append(mainAudio.track().codecs()).append("\",AUDIO=\"audio");
                }
                sb.append("\"\n").append(mediaPlaylistUri(s, r, format)).append('\n');
            }
        }
        if (mainAudio != null && audioOnlyVariant) {
            sb.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(mainAudio.bitrate()).append(",CODECS=\"")
                    .append(mainAudio.track().codecs()).append("\",AUDIO=\"audio\"\n")
                    .append(mediaPlaylistUri(audio.get(0), mainAudio, format)).append('\n');
        }
        return sb.toString();
    }

    static String media(Presentation.MediaStream s, Presentation.Rendition r, String format) {
        TrackSegments cuts = r.segments();
        double longest = 0;
        for (int i = 0; i < cuts.count(); i++) {
            longest = Math.max(longest, seconds(cuts.duration(i)));
        }
        StringBuilder sb = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:")
                .append(Math.max(1, Math.round(longest))).append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"Fragments(").append(s.name()).append("=i,format=")
                .append(format).append(")\"\n");
        for (int i = 0; i < cuts.count(); i++) {
            sb.append(String.format(Locale.ROOT, "#EXTINF:%.6f,%n", seconds(cuts.duration(i))))
                    .append("Fragments(").append(s.name()).append('=').append(cuts.start(i)).append(",format=")
                    .append(format).append(")\n");
        }
        return sb.append("#EXT-X-ENDLIST\n").toString();
    }

    private static String mediaPlaylistUri(Presentation.MediaStream s, Presentation.Rendition r, String format) {
        return "QualityLevels(" + r.bitrate() + ")/Manifest(" + s.name() + ",format=" + format + ")";
    }

    private static double seconds(long ticks) {
        return ticks / (double) TrackSegments.TICKS_PER_SECOND;
    }
}
