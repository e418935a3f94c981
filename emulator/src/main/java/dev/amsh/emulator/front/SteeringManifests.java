package dev.amsh.emulator.front;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an origin's client manifest for content steering: every variant (HLS) or the whole presentation
 * (DASH) offered once per origin as a pathway / service location with absolute URLs, and the steering server
 * named, so the player itself moves to the next origin when the steering server or its own errors say so.
 */
final class SteeringManifests {
    private static final Pattern GROUP_ID = Pattern.compile("GROUP-ID=\"([^\"]*)\"");
    private static final Pattern AUDIO = Pattern.compile("AUDIO=\"([^\"]*)\"");
    private static final Pattern URI_ATTR = Pattern.compile("URI=\"([^\"]*)\"");
    private static final Pattern MPD_OPEN = Pattern.compile("<MPD\\b[^>]*>");

    /** One origin as a pathway: its name and the absolute URL the manifest's relative URLs resolve against. */
    record Pathway(String id, String base) {
    }

    private SteeringManifests() {
    }

    static String hls(String multivariant, List<Pathway> pathways, String steeringUri) {
        String[] lines = multivariant.split("\n");
        StringBuilder head = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (Pathway p : pathways) {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.startsWith("#EXT-X-MEDIA:")) {
                    String media = GROUP_ID.matcher(line).replaceAll(m -> "GROUP-ID=\"" + m.group(1) + "-" + p.id() + "\"");
                    body.append(URI_ATTR.matcher(media).replaceAll(m -> Matcher.quoteReplacement(
                            "URI=\"" + p.base() + m.group(1) + "\""))).append('\n');
                } else if (line.startsWith("#EXT-X-STREAM-INF:") && i + 1 < lines.length) {
                    String inf = AUDIO.matcher(line).replaceAll(m -> "AUDIO=\"" + m.group(1) + "-" + p.id() + "\"");
                    body.append(inf).append(",PATHWAY-ID=\"").append(p.id()).append("\"\n")
                            .append(p.base()).append(lines[++i]).append('\n');
                } else if (p == pathways.get(0) && line.startsWith("#") && !line.startsWith("#EXT-X-MEDIA")
                        && !line.startsWith("#EXT-X-STREAM-INF")) {
                    head.append(line).append('\n');
                }
            }
        }
        head.append("#EXT-X-CONTENT-STEERING:SERVER-URI=\"").append(steeringUri).append("\",PATHWAY-ID=\"")
                .append(pathways.get(0).id()).append("\"\n");
        return head.append(body).toString();
    }

    static String dash(String mpd, List<Pathway> pathways, String steeringUri) {
        Matcher open = MPD_OPEN.matcher(mpd);
        if (!open.find()) {
            throw new IllegalArgumentException("not an MPD");
        }
        StringBuilder inserted = new StringBuilder();
        for (Pathway p : pathways) {
            inserted.append("\n  <BaseURL serviceLocation=\"").append(p.id()).append("\">").append(xml(p.base())).append("</BaseURL>");
        }
        inserted.append("\n  <ContentSteering defaultServiceLocation=\"").append(pathways.get(0).id())
                .append("\" queryBeforeStart=\"false\">").append(xml(steeringUri)).append("</ContentSteering>");
        return mpd.substring(0, open.end()) + inserted + mpd.substring(open.end());
    }

    /**
     * The steering server's answer: pathways (HLS) or service locations (DASH) in the order to use them. Both
     * speak the same JSON (the DASH-IF steering spec took HLS's {@code PATHWAY-PRIORITY}).
     */
    static String steeringResponse(List<String> order, long ttlSeconds) {
        StringBuilder sb = new StringBuilder("{\"VERSION\":1,\"TTL\":").append(Math.max(1, ttlSeconds))
                .append(",\"PATHWAY-PRIORITY\":[");
        for (int i = 0; i < order.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(order.get(i)).append('"');
        }
        return sb.append("]}").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
