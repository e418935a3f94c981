package dev.amsh.emulator.origin.packaging;

import java.util.Locale;

/**
 * The MPEG-DASH MPD of a presentation ({@code format=mpd-time-csf} or {@code mpd-time-cmaf}): a static MPD,
 * one AdaptationSet per stream, SegmentTemplate with {@code $Bandwidth$} and {@code $Time$} over a
 * SegmentTimeline, as the service wrote it.
 */
final class DashManifest {
    private DashManifest() {
    }

    static String write(Presentation p, String format) {
        boolean cmaf = format.equals("mpd-time-cmaf");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\" profiles=\"")
                .append(cmaf ? "urn:mpeg:dash:profile:cmaf:2019," : "").append("urn:mpeg:dash:profile:isoff-live:2011\"")
                .append(" mediaPresentationDuration=\"").append(duration(p.durationTicks())).append("\" minBufferTime=\"PT3S\">\n")
                .append("  <Period id=\"0\" start=\"PT0S\">\n");
        int id = 1;
        for (Presentation.MediaStream s : p.streams()) {
            boolean video = s.kind() == TrackIndex.Kind.VIDEO;
            sb.append("    <AdaptationSet id=\"").append(id++).append("\" contentType=\"").append(video ? "video" : "audio")
                    .append("\" mimeType=\"").append(video ? "video/mp4" : "audio/mp4")
                    .append("\" segmentAlignment=\"true\" startWithSAP=\"1\"");
            if (!video) {
                sb.append(" lang=\"").append(s.language()).append('"');
            }
            sb.append(">\n");
            if (!video) {
                sb.append("      <AudioChannelConfiguration schemeIdUri=\"urn:mpeg:dash:23003:3:audio_channel_configuration:2011\" value=\"")
                        .append(s.renditions().get(0).track().channels()).append("\" />\n");
            }
            sb.append("      <SegmentTemplate timescale=\"").append(TrackSegments.TICKS_PER_SECOND)
                    .append("\" media=\"QualityLevels($Bandwidth$)/Fragments(").append(s.name()).append("=$Time$,format=")
                    .append(format).append(")\" initialization=\"QualityLevels($Bandwidth$)/Fragments(").append(s.name())
                    .append("=i,format=").append(format).append(")\">\n        <SegmentTimeline>\n");
            timeline(sb, s.timeline());
            sb.append("        </SegmentTimeline>\n      </SegmentTemplate>\n");
            for (Presentation.Rendition r : s.renditions()) {
                TrackIndex t = r.track();
                sb.append("      <Representation id=\"").append(s.name()).append('_').append(r.bitrate())
                        .append("\" bandwidth=\"").append(r.bitrate()).append("\" codecs=\"").append(t.codecs()).append('"');
                if (video) {
                    sb.append(" width=\"").append(t.width()).append("\" height=\"").append(t.height()).append('"');
                } else {
                    sb.append(" audioSamplingRate=\"").append(t.sampleRate()).append('"');
                }
                sb.append(" />\n");
            }
            sb.append("    </AdaptationSet>\n");
        }
        return sb.append("  </Period>\n</MPD>\n").toString();
    }

    /** {@code <S t d r>} runs: one element per run of equal durations. */
    private static void timeline(StringBuilder sb, TrackSegments cuts) {
        int i = 0;
        while (i < cuts.count()) {
            int j = i;
            while (j + 1 < cuts.count() && cuts.duration(j + 1) == cuts.duration(i)) {
                j++;
            }
            sb.append("          <S t=\"").append(cuts.start(i)).append("\" d=\"").append(cuts.duration(i)).append('"');
            if (j > i) {
                sb.append(" r=\"").append(j - i).append('"');
            }
            sb.append(" />\n");
            i = j + 1;
        }
    }

    private static String duration(long ticks) {
        return String.format(Locale.ROOT, "PT%.3fS", ticks / (double) TrackSegments.TICKS_PER_SECOND);
    }
}
