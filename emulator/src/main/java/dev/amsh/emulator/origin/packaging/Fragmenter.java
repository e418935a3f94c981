package dev.amsh.emulator.origin.packaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Writes fragmented MP4 from an indexed track: the init segment ({@code ftyp} + {@code moov} with
 * {@code mvex}) and media segments ({@code moof} + {@code mdat}), in the 10 MHz timescale. Smooth fragments
 * carry the {@code tfxd} box with their absolute time instead of {@code tfdt}, as the service's did.
 * The output depends only on the files' bytes: both datacenters answer the same bytes for the same path.
 */
final class Fragmenter {
    private static final byte[] TFXD = HexFormat.of().parseHex("6D1D9B0542D544E680E2141DAFF757B2");
    private static final int SYNC_FLAGS = 0x02000000;
    private static final int NON_SYNC_FLAGS = 0x01010000;

    private Fragmenter() {
    }

    static byte[] init(TrackIndex track, int trackId) {
        boolean video = track.kind() == TrackIndex.Kind.VIDEO;
        byte[] ftyp = new BoxWriter().fourCc("iso6").u32(0).fourCc("iso6").fourCc("cmfc").fourCc("dash").fourCc("mp41")
                .box("ftyp");
        byte[] mvhd = new BoxWriter().u32(0).u32(0).u32(1000).u32(0).u32(0x00010000).u16(0x0100).zeros(10).matrix()
                .zeros(24).u32(trackId + 1L).fullBox("mvhd", 0, 0);
        byte[] tkhd = new BoxWriter().u32(0).u32(0).u32(trackId).u32(0).u32(0).zeros(8).u16(0).u16(0)
                .u16(video ? 0 : 0x0100).u16(0).matrix().u32((long) track.width() << 16).u32((long) track.height() << 16)
                .fullBox("tkhd", 0, 7);
        byte[] mdhd = new BoxWriter().u32(0).u32(0).u32(TrackSegments.TICKS_PER_SECOND).u32(0).u16(0x55C4).u16(0)
                .fullBox("mdhd", 0, 0);
        byte[] hdlr = new BoxWriter().u32(0).fourCc(video ? "vide" : "soun").zeros(12)
                .text(video ? "VideoHandler" : "SoundHandler").fullBox("hdlr", 0, 0);
        byte[] header = video ? new BoxWriter().u16(0).zeros(6).fullBox("vmhd", 0, 1)
                : new BoxWriter().u16(0).u16(0).fullBox("smhd", 0, 0);
        byte[] dinf = new BoxWriter().bytes(new BoxWriter().u32(1).bytes(new BoxWriter().fullBox("url ", 0, 1))
                .fullBox("dref", 0, 0)).box("dinf");
        byte[] stbl = new BoxWriter()
                .bytes(new BoxWriter().u32(1).bytes(track.sampleEntry).fullBox("stsd", 0, 0))
                .bytes(new BoxWriter().u32(0).fullBox("stts", 0, 0))
                .bytes(new BoxWriter().u32(0).fullBox("stsc", 0, 0))
                .bytes(new BoxWriter().u32(0).u32(0).fullBox("stsz", 0, 0))
                .bytes(new BoxWriter().u32(0).fullBox("stco", 0, 0)).box("stbl");
        byte[] minf = new BoxWriter().bytes(header).bytes(dinf).bytes(stbl).box("minf");
        byte[] trak = new BoxWriter().bytes(tkhd).bytes(new BoxWriter().bytes(mdhd).bytes(hdlr).bytes(minf).box("mdia"))
                .box("trak");
        byte[] mvex = new BoxWriter().bytes(new BoxWriter().u32(trackId).u32(1).u32(0).u32(0).u32(0).fullBox("trex", 0, 0))
                .box("mvex");
        return BoxWriter.concat(ftyp, new BoxWriter().bytes(mvhd).bytes(trak).bytes(mvex).box("moov"));
    }

    /** A media segment: {@code moof} (with {@code tfdt}, or {@code tfxd} for Smooth) and its {@code mdat}. */
    static byte[] segment(TrackIndex track, TrackSegments cuts, int segment, int trackId, boolean smooth,
                          SampleReader samples) throws IOException {
        int first = cuts.firstSample(segment);
        int count = cuts.sampleCount(segment);
        long payload = 0;
        for (int i = first; i < first + count; i++) {
            payload += track.sizes[i];
        }
        byte[] moof = moof(track, cuts, segment, trackId, smooth, 0);
        moof = moof(track, cuts, segment, trackId, smooth, moof.length + 8);
        // one array for the whole answer: the samples are read straight into the mdat
        byte[] out = new byte[Math.toIntExact(moof.length + 8 + payload)];
        System.arraycopy(moof, 0, out, 0, moof.length);
        ByteBuffer.wrap(out, moof.length, 8).putInt((int) (8 + payload)).put("mdat".getBytes(StandardCharsets.ISO_8859_1));
        samples.read(first, count, out, moof.length + 8);
        return out;
    }

    private static byte[] moof(TrackIndex track, TrackSegments cuts, int segment, int trackId, boolean smooth,
                               int dataOffset) {
        boolean video = track.kind() == TrackIndex.Kind.VIDEO;
        int first = cuts.firstSample(segment);
        int count = cuts.sampleCount(segment);
        BoxWriter trun = new BoxWriter().u32(count).u32(dataOffset);
        for (int i = first; i < first + count; i++) {
            long start = track.ticksAt(i);
            trun.u32(track.ticksAt(i + 1) - start).u32(track.sizes[i]);
            trun.u32(!video || track.sync[i] ? SYNC_FLAGS : NON_SYNC_FLAGS);
            if (video) {
                long presented = track.toTicks(track.decodeTimes[i] + track.compositionOffsets[i]);
                trun.u32((int) (presented - start));
            }
        }
        int trunFlags = 0x000001 | 0x000100 | 0x000200 | 0x000400 | (video ? 0x000800 : 0);
        BoxWriter traf = new BoxWriter().bytes(new BoxWriter().u32(trackId).fullBox("tfhd", 0, 0x020000));
        if (smooth) {
            traf.bytes(trun.fullBox("trun", 1, trunFlags));
            traf.bytes(new BoxWriter().bytes(TFXD).u8(1).u8(0).u16(0).u64(cuts.start(segment))
                    .u64(cuts.duration(segment)).box("uuid"));
        } else {
            traf.bytes(new BoxWriter().u64(cuts.start(segment)).fullBox("tfdt", 1, 0));
            traf.bytes(trun.fullBox("trun", 1, trunFlags));
        }
        return new BoxWriter().bytes(new BoxWriter().u32(segment + 1L).fullBox("mfhd", 0, 0)).bytes(traf.box("traf"))
                .box("moof");
    }

    /** Reads {@code count} samples from {@code first}, in decode order, into {@code into} from {@code at}. */
    interface SampleReader {
        void read(int first, int count, byte[] into, int at) throws IOException;
    }
}
