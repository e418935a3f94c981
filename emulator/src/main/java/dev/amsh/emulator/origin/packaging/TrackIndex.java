package dev.amsh.emulator.origin.packaging;

import java.util.HexFormat;

/**
 * One track of a progressive MP4, indexed for packaging: its sample entry, and per sample its byte offset and
 * size in the file, its decode time, its composition offset and whether it is a sync sample.
 */
public final class TrackIndex {
    public enum Kind { VIDEO, AUDIO }

    final Kind kind;
    final long timescale;
    final byte[] sampleEntry;
    final int width;
    final int height;
    final int sampleRate;
    final int channels;
    final String codecs;
    final String codecPrivateData;
    final long[] offsets;
    final int[] sizes;
    /** decode times, one more than the samples: the last is the end of the track */
    final long[] decodeTimes;
    /** composition offsets already shifted by the edit list, so the first frame is presented at its decode time */
    final int[] compositionOffsets;
    final boolean[] sync;

    TrackIndex(Kind kind, long timescale, byte[] sampleEntry, int width, int height, int sampleRate, int channels,
               String codecs, byte[] codecPrivateData, long[] offsets, int[] sizes, long[] decodeTimes,
               int[] compositionOffsets, boolean[] sync) {
        this.kind = kind;
        this.timescale = timescale;
        this.sampleEntry = sampleEntry;
        this.width = width;
        this.height = height;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.codecs = codecs;
        this.codecPrivateData = HexFormat.of().withUpperCase().formatHex(codecPrivateData);
        this.offsets = offsets;
        this.sizes = sizes;
        this.decodeTimes = decodeTimes;
        this.compositionOffsets = compositionOffsets;
        this.sync = sync;
    }

    public Kind kind() {
        return kind;
    }

    public int samples() {
        return sizes.length;
    }

    public String codecs() {
        return codecs;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public String codecPrivateData() {
        return codecPrivateData;
    }

    /** A track time in the packager's 10 MHz timescale (the service's), rounded. */
    long toTicks(long trackTime) {
        return Math.floorDiv(trackTime * TrackSegments.TICKS_PER_SECOND * 2 + timescale, timescale * 2);
    }

    long ticksAt(int sample) {
        return toTicks(decodeTimes[sample]);
    }
}
