package dev.amsh.browser;

import java.util.Locale;

/** Which player plays a stream, and which manifest format of the origin it asks for. */
public enum PlayerFormat {
    HLS("hls", "(format=m3u8-cmaf)"),
    DASH("dash", "(format=mpd-time-cmaf)"),
    /** Smooth Streaming, played by dash.js through its MSS support */
    SMOOTH("smooth", "");

    private final String pageName;
    private final String manifestSuffix;

    PlayerFormat(String pageName, String manifestSuffix) {
        this.pageName = pageName;
        this.manifestSuffix = manifestSuffix;
    }

    String pageName() {
        return pageName;
    }

    /** The manifest URL for this player from a {@code …/name.ism/manifest} URL. */
    public String manifestUrl(String smoothManifestUrl) {
        return smoothManifestUrl + manifestSuffix;
    }

    public static PlayerFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
