package dev.amsh.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The drill's timeline as a self-contained HTML page (inline SVG, no script): which origin served each media
 * segment over time, the player's buffer level, and the moments that matter (the fall, the front noticing,
 * the first segment from the other origin).
 */
public final class TimelinePage {
    private static final int WIDTH = 960;
    private static final int LEFT = 60;
    /** room above the chart for the markers' labels, one row each */
    private static final int TOP = 44;
    private static final List<String> COLORS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd");

    private TimelinePage() {
    }

    public static Path write(DrillReport r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, html(r));
        return file;
    }

    static String html(DrillReport r) {
        long end = Math.max(1, r.samples().get(r.samples().size() - 1).atMillis());
        double scale = (WIDTH - LEFT - 20) / (double) end;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='340' font-family='sans-serif' font-size='12'>%n", WIDTH));
        // time axis
        for (long t = 0; t <= end; t += 5000) {
            double x = LEFT + t * scale;
            svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#eee'/>"
                    + "<text x='%.1f' y='%d' text-anchor='middle'>%d s</text>%n", x, TOP, x, TOP + 240, x, TOP + 258, t / 1000));
        }
        // segments by origin: one row per origin, a tick per response (red for a failure)
        List<String> origins = r.fetches().stream().map(MediaFetch::servedBy).filter(s -> !s.isEmpty()).distinct().sorted().toList();
        for (int i = 0; i < origins.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x='4' y='%d'>from %s</text>%n", TOP + 24 + i * 30, origins.get(i)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='4' y='%d'>failed</text>%n", TOP + 24 + origins.size() * 30));
        for (MediaFetch f : r.fetches()) {
            if (!Drill.isSegment(f.url())) {
                continue;
            }
            double x = LEFT + f.atMillis() * scale;
            int row = f.status() == 200 ? origins.indexOf(f.servedBy()) : origins.size();
            String color = f.status() == 200 && row >= 0 ? COLORS.get(row % COLORS.size()) : "#d62728";
            int y = TOP + 10 + Math.max(0, row) * 30;
            svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%d' width='3' height='20' fill='%s'><title>%s %d</title></rect>%n",
                    x, y, color, escape(f.url()), f.status()));
        }
        // buffer level
        int top = TOP + 110;
        int height = 120;
        double maxBuffer = Math.max(1, r.samples().stream().mapToDouble(PlaybackSample::bufferAhead).max().orElse(1));
        StringBuilder points = new StringBuilder();
        for (PlaybackSample s : r.samples()) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + s.atMillis() * scale,
                    top + height - s.bufferAhead() / maxBuffer * height));
        }
        svg.append(String.format(Locale.ROOT, "<text x='4' y='%d'>buffer</text><text x='4' y='%d'>%.0f s</text>"
                + "<text x='4' y='%d'>0 s</text>%n", top + 60, top + 10, maxBuffer, top + height));
        svg.append("<polyline fill='none' stroke='#333' stroke-width='1.5' points='").append(points).append("'/>\n");
        marker(svg, r.downAtMs(), scale, "#d62728", r.plan().failing() + " down", 0);
        if (r.frontNoticedAtMs() != null) {
            marker(svg, r.frontNoticedAtMs(), scale, "#9467bd", "front noticed", 1);
        }
        if (r.firstFromOtherMs() != null) {
            marker(svg, r.firstFromOtherMs(), scale, "#2ca02c", "first from " + r.otherOrigin(), 2);
        }
        svg.append("</svg>\n");
        return "<!doctype html>\n<html><head><meta charset='utf-8'><title>amsh drill</title></head>\n"
                + "<body style='font-family:sans-serif'>\n<h1>amsh drill</h1>\n<pre>" + escape(r.describe()) + "</pre>\n"
                + svg + "</body></html>\n";
    }

    private static void marker(StringBuilder svg, long at, double scale, String color, String label, int row) {
        double x = LEFT + at * scale;
        int labelY = 12 + row * 13;
        svg.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='%s' stroke-dasharray='4 3'/>"
                + "<text x='%.1f' y='%d' fill='%s'>%s</text>%n", x, labelY + 2, x, TOP + 240, color, x + 3, labelY, color,
                escape(label)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
