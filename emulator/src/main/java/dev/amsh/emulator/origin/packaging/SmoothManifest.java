package dev.amsh.emulator.origin.packaging;

import java.util.List;

/** The Smooth Streaming client manifest (2.2) of a presentation, as {@code {name}.ism/manifest} answers it. */
final class SmoothManifest {
    private SmoothManifest() {
    }

    static String write(Presentation p) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<SmoothStreamingMedia MajorVersion=\"2\" MinorVersion=\"2\" Duration=\"").append(p.durationTicks())
                .append("\" TimeScale=\"").append(TrackSegments.TICKS_PER_SECOND).append("\">\n");
        for (Presentation.MediaStream s : p.streams()) {
            boolean video = s.kind() == TrackIndex.Kind.VIDEO;
            List<Presentation.Rendition> rs = s.renditions();
            TrackSegments cuts = s.timeline();
            sb.append("  <StreamIndex Type=\"").append(video ? "video" : "audio").append("\" Name=\"").append(s.name())
                    .append("\" Language=\"").append(s.language()).append("\" Chunks=\"").append(cuts.count())
                    .append("\" QualityLevels=\"").append(rs.size()).append("\" Url=\"QualityLevels({bitrate})/Fragments(")
                    .append(s.name()).append("={start time})\"");
            if (video) {
                int w = rs.stream().mapToInt(r -> r.track().width()).max().orElse(0);
                int h = rs.stream().mapToInt(r -> r.track().height()).max().orElse(0);
                sb.append(" MaxWidth=\"").append(w).append("\" MaxHeight=\"").append(h).append("\" DisplayWidth=\"")
                        .append(w).append("\" DisplayHeight=\"").append(h).append('"');
            }
            sb.append(">\n");
            for (int i = 0; i < rs.size(); i++) {
                TrackIndex t = rs.get(i).track();
                sb.append("    <QualityLevel Index=\"").append(i).append("\" Bitrate=\"").append(rs.get(i).bitrate())
                        .append("\" CodecPrivateData=\"").append(t.codecPrivateData()).append('"');
                if (video) {
                    sb.append(" FourCC=\"H264\" MaxWidth=\"").append(t.width()).append("\" MaxHeight=\"")
                            .append(t.height()).append("\" NALUnitLengthField=\"4\"");
                } else {
                    sb.append(" FourCC=\"AACL\" SamplingRate=\"").append(t.sampleRate()).append("\" Channels=\"")
                            .append(t.channels()).append("\" BitsPerSample=\"16\" PacketSize=\"4\" AudioTag=\"255\"");
                }
                sb.append(" />\n");
            }
            for (int c = 0; c < cuts.count(); c++) {
                sb.append("    <c t=\"").append(cuts.start(c)).append("\" d=\"").append(cuts.duration(c)).append("\" />\n");
            }
            sb.append("  </StreamIndex>\n");
        }
        return sb.append("</SmoothStreamingMedia>\n").toString();
    }
}
