package dev.amsh.emulator.origin.packaging;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats the origin packages to, by the service's {@code format=} names. */
public enum StreamingFormat {
    SMOOTH("", "application/vnd.ms-sstr+xml"),
    HLS("m3u8-aapl", "application/vnd.apple.mpegurl"),
    HLS_CMAF("m3u8-cmaf", "application/vnd.apple.mpegurl"),
    DASH("mpd-time-csf", "application/dash+xml"),
    DASH_CMAF("mpd-time-cmaf", "application/dash+xml");

    private final String urlName;
    private final String manifestType;

    StreamingFormat(String urlName, String manifestType) {
        this.urlName = urlName;
        this.manifestType = manifestType;
    }

    public String urlName() {
        return urlName;
    }

    public String manifestType() {
        return manifestType;
    }

    public boolean isHls() {
        return this == HLS || this == HLS_CMAF;
    }

    public boolean isDash() {
        return this == DASH || this == DASH_CMAF;
    }

    static Optional<StreamingFormat> byUrlName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f != SMOOTH && f.urlName.equals(n)).findFirst();
    }
}
