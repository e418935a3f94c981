package dev.amsh.emulator.encoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Adaptive Streaming" preset: an auto-generated ladder capped at the source (a 1080p source gives six
 * layers down to 320x180, 720p five, 360p three), never fewer than three, with the service's file names.
 */
public final class AdaptiveStreamingPreset {
    public static final String NAME = "Adaptive Streaming";
    static final List<LadderRung> FULL = List.of(
            new LadderRung(1920, 1080, 6780), new LadderRung(1280, 720, 3520), new LadderRung(960, 540, 2210),
            new LadderRung(640, 360, 1150), new LadderRung(480, 270, 720), new LadderRung(320, 180, 380));

    private AdaptiveStreamingPreset() {
    }

    public static List<LadderRung> ladder(int sourceHeight) {
        List<LadderRung> out = new ArrayList<>();
        for (LadderRung r : FULL) {
            if (r.height() <= sourceHeight) {
                out.add(r);
            }
        }
        // never fewer than three layers: a small source gets the three lowest
        return out.size() >= 3 ? out : FULL.subList(FULL.size() - 3, FULL.size());
    }

    public static String videoName(String base, LadderRung r) {
        return base + "_" + r.width() + "x" + r.height() + "_" + r.kbps() + ".mp4";
    }

    public static String audioName(String base) {
        return base + "_AACAudio_128_Audio1.mp4";
    }

    /** The server manifest (SMIL) that the origin packages from. */
    public static String ism(String base, List<LadderRung> ladder) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\">\n  <head>\n"
                + "    <meta name=\"clientManifestRelativePath\" content=\"" + base + ".ismc\" />\n"
                + "    <meta name=\"formats\" content=\"mp4-v2\" />\n  </head>\n  <body>\n    <switch>\n");
        int track = 1;
        for (LadderRung r : ladder) {
            sb.append("      <video src=\"").append(videoName(base, r)).append("\" systemBitrate=\"").append(r.kbps() * 1000)
                    .append("\">\n        <param name=\"systemBitrate\" value=\"").append(r.kbps() * 1000)
                    .append("\" valuetype=\"data\" />\n        <param name=\"trackID\" value=\"").append(track)
                    .append("\" valuetype=\"data\" />\n        <param name=\"trackName\" value=\"video\" valuetype=\"data\" />\n      </video>\n");
        }
        sb.append("      <audio src=\"").append(audioName(base)).append("\" systemBitrate=\"128000\" systemLanguage=\"und\">\n")
                .append("        <param name=\"systemBitrate\" value=\"128000\" valuetype=\"data\" />\n")
                .append("        <param name=\"trackID\" value=\"").append(track + 1).append("\" valuetype=\"data\" />\n")
                .append("        <param name=\"trackName\" value=\"audio\" valuetype=\"data\" />\n      </audio>\n")
                .append("    </switch>\n  </body>\n</smil>\n");
        return sb.toString();
    }

    /** The Smooth client manifest: quality levels and two-second chunks (keyframes are aligned every 2 s). */
    public static String ismc(List<LadderRung> ladder, double seconds) {
        long timescale = 10_000_000L;
        long chunk = 2 * timescale;
        long duration = Math.round(seconds * timescale);
        int chunks = (int) Math.max(1, (duration + chunk - 1) / chunk);
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            long d = Math.min(chunk, duration - i * chunk);
            c.append("    <c t=\"").append(i * chunk).append("\" d=\"").append(Math.max(d, 1)).append("\" />\n");
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<SmoothStreamingMedia MajorVersion=\"2\" "
                + "MinorVersion=\"2\" Duration=\"" + duration + "\" TimeScale=\"" + timescale + "\">\n");
        sb.append("  <StreamIndex Type=\"video\" Chunks=\"").append(chunks).append("\" QualityLevels=\"").append(ladder.size())
                .append("\" Url=\"QualityLevels({bitrate})/Fragments(video={start time})\">\n");
        for (int i = 0; i < ladder.size(); i++) {
            LadderRung r = ladder.get(i);
            sb.append("    <QualityLevel Index=\"").append(i).append("\" Bitrate=\"").append(r.kbps() * 1000)
                    .append("\" FourCC=\"H264\" MaxWidth=\"").append(r.width()).append("\" MaxHeight=\"").append(r.height())
                    .append("\" CodecPrivateData=\"\" />\n");
        }
        sb.append(c).append("  </StreamIndex>\n");
        sb.append("  <StreamIndex Type=\"audio\" Chunks=\"").append(chunks).append("\" QualityLevels=\"1\" Url=\"QualityLevels({bitrate})/Fragments(audio={start time})\">\n")
                .append("    <QualityLevel Index=\"0\" Bitrate=\"128000\" FourCC=\"AACL\" SamplingRate=\"48000\" Channels=\"2\" BitsPerSample=\"16\" PacketSize=\"4\" AudioTag=\"255\" CodecPrivateData=\"\" />\n")
                .append(c).append("  </StreamIndex>\n</SmoothStreamingMedia>\n");
        return sb.toString();
    }
}
