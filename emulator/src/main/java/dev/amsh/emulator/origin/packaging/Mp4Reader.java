package dev.amsh.emulator.origin.packaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the index of a progressive MP4 (its {@code moov}) with a few range reads: the top-level box headers up
 * to the {@code moov}, then the {@code moov} itself. Only the first video or audio track is indexed: the
 * service's ladders hold one track per file.
 */
final class Mp4Reader {
    private static final int MAX_MOOV = 64 << 20;

    private Mp4Reader() {
    }

    static TrackIndex read(MediaSource source, String name) throws IOException {
        long offset = 0;
        while (true) {
            byte[] header = source.read(name, offset, 16);
            if (header.length < 8) {
                throw new Mp4FormatException(name + " has no 'moov' box: it is not an MP4 the origin can package");
            }
            ByteBuffer h = ByteBuffer.wrap(header);
            long size = Integer.toUnsignedLong(h.getInt());
            String type = Box.fourCc(h.getInt());
            if (size == 1 && header.length == 16) {
                size = h.getLong();
            }
            if (type.equals("moov")) {
                if (size > MAX_MOOV || size < 8) {
                    throw new Mp4FormatException(name + ": its 'moov' box is " + size + " bytes");
                }
                byte[] moov = source.read(name, offset, (int) size);
                return index(name, Box.children(ByteBuffer.wrap(moov)).get(0));
            }
            if (size < 8) {
                throw new Mp4FormatException(name + " has no 'moov' box before its end");
            }
            offset += size;
        }
    }

    static TrackIndex index(String name, Box moov) {
        for (Box trak : Box.children(moov.payload())) {
            if (!trak.type().equals("trak")) {
                continue;
            }
            String handler = Box.fourCc(trak.require("mdia/hdlr").fullPayload().getInt(4));
            if (handler.equals("vide") || handler.equals("soun")) {
                return track(name, trak, handler.equals("vide") ? TrackIndex.Kind.VIDEO : TrackIndex.Kind.AUDIO);
            }
        }
        throw new Mp4FormatException(name + " has no video or audio track");
    }

    private static TrackIndex track(String name, Box trak, TrackIndex.Kind kind) {
        ByteBuffer mdhd = trak.require("mdia/mdhd").fullPayload();
        long timescale = Integer.toUnsignedLong(mdhd.getInt(trak.require("mdia/mdhd").version() == 1 ? 16 : 8));
        Box stbl = trak.require("mdia/minf/stbl");
        ByteBuffer stsd = stbl.require("stsd").fullPayload();
        stsd.getInt();
        Box entry = Box.children(stsd).get(0);
        byte[] sampleEntry = raw(entry);

        int[] sizes = sampleSizes(stbl.require("stsz"));
        int n = sizes.length;
        long[] decodeTimes = decodeTimes(stbl.require("stts"), n);
        long[] offsets = chunkLayout(stbl, sizes, name);
        int[] cto = new int[n];
        // without B-frames there is no ctts and no shift: every offset stays 0
        stbl.child("ctts").ifPresent(ctts -> compositionOffsets(ctts, editShift(trak), cto));
        boolean[] sync = new boolean[n];
        Box stss = stbl.child("stss").orElse(null);
        if (stss == null) {
            Arrays.fill(sync, true);
        } else {
            ByteBuffer b = stss.fullPayload();
            int count = b.getInt();
            for (int i = 0; i < count; i++) {
                int s = b.getInt() - 1;
                if (s >= 0 && s < n) {
                    sync[s] = true;
                }
            }
        }
        if (n == 0) {
            throw new Mp4FormatException(name + " has no samples");
        }
        return switch (kind) {
            case VIDEO -> video(name, entry, sampleEntry, timescale, offsets, sizes, decodeTimes, cto, sync);
            case AUDIO -> audio(name, entry, sampleEntry, timescale, offsets, sizes, decodeTimes, cto, sync);
        };
    }

    private static TrackIndex video(String name, Box entry, byte[] sampleEntry, long timescale, long[] offsets,
                                    int[] sizes, long[] decodeTimes, int[] cto, boolean[] sync) {
        if (!entry.type().equals("avc1") && !entry.type().equals("avc3")) {
            throw new Mp4FormatException(name + ": video codec '" + entry.type() + "' is not H.264 (avc1)");
        }
        ByteBuffer p = entry.payload();
        int width = p.getShort(24) & 0xffff;
        int height = p.getShort(26) & 0xffff;
        Box avcC = Box.children(p.duplicate().position(78).slice()).stream().filter(b -> b.type().equals("avcC"))
                .findFirst().orElseThrow(() -> new Mp4FormatException(name + ": no 'avcC' in its H.264 sample entry"));
        ByteBuffer c = avcC.payload();
        String codecs = String.format("avc1.%02X%02X%02X", c.get(1) & 0xff, c.get(2) & 0xff, c.get(3) & 0xff);
        // Smooth's CodecPrivateData: each SPS and PPS behind a start code
        List<byte[]> parameterSets = new ArrayList<>();
        int at = 5;
        for (int list = 0; list < 2; list++) {
            int count = list == 0 ? c.get(at++) & 0x1f : c.get(at++) & 0xff;
            for (int i = 0; i < count; i++) {
                int len = c.getShort(at) & 0xffff;
                byte[] set = new byte[len];
                c.get(at + 2, set);
                parameterSets.add(set);
                at += 2 + len;
            }
        }
        ByteBuffer cpd = ByteBuffer.allocate(parameterSets.stream().mapToInt(s -> s.length + 4).sum());
        parameterSets.forEach(s -> cpd.putInt(1).put(s));
        return new TrackIndex(TrackIndex.Kind.VIDEO, timescale, sampleEntry, width, height, 0, 0, codecs, cpd.array(),
                offsets, sizes, decodeTimes, cto, sync);
    }

    private static TrackIndex audio(String name, Box entry, byte[] sampleEntry, long timescale, long[] offsets,
                                    int[] sizes, long[] decodeTimes, int[] cto, boolean[] sync) {
        if (!entry.type().equals("mp4a")) {
            throw new Mp4FormatException(name + ": audio codec '" + entry.type() + "' is not AAC (mp4a)");
        }
        ByteBuffer p = entry.payload();
        int channels = p.getShort(16) & 0xffff;
        int sampleRate = p.getShort(24) & 0xffff;
        // a QuickTime version 1 sound entry carries 16 more bytes before its boxes
        int boxes = (p.getShort(8) & 0xffff) == 1 ? 44 : 28;
        Box esds = Box.children(p.duplicate().position(boxes).slice()).stream().filter(b -> b.type().equals("esds"))
                .findFirst().orElseThrow(() -> new Mp4FormatException(name + ": no 'esds' in its AAC sample entry"));
        byte[] config = decoderSpecificInfo(esds.fullPayload(), name);
        int objectType = config.length == 0 ? 2 : (config[0] & 0xff) >>> 3;
        return new TrackIndex(TrackIndex.Kind.AUDIO, timescale, sampleEntry, 0, 0, sampleRate, channels,
                "mp4a.40." + objectType, config, offsets, sizes, decodeTimes, cto, sync);
    }

    /** The AudioSpecificConfig inside an ES descriptor (tags 3, 4, 5 of ISO/IEC 14496-1). */
    private static byte[] decoderSpecificInfo(ByteBuffer b, String name) {
        while (b.remaining() > 2) {
            int tag = b.get() & 0xff;
            int len = 0;
            for (int i = 0; i < 4; i++) {
                int x = b.get() & 0xff;
                len = (len << 7) | (x & 0x7f);
                if ((x & 0x80) == 0) {
                    break;
                }
            }
            switch (tag) {
                case 3 -> {
                    b.getShort();
                    int flags = b.get() & 0xff;
                    if ((flags & 0x80) != 0) {
                        b.getShort();
                    }
                    if ((flags & 0x40) != 0) {
                        b.position(b.position() + (b.get() & 0xff));
                    }
                    if ((flags & 0x20) != 0) {
                        b.getShort();
                    }
                }
                case 4 -> b.position(b.position() + 13);
                case 5 -> {
                    byte[] out = new byte[len];
                    b.get(out);
                    return out;
                }
                default -> b.position(b.position() + len);
            }
        }
        throw new Mp4FormatException(name + ": no AudioSpecificConfig in its 'esds'");
    }

    private static byte[] raw(Box box) {
        ByteBuffer p = box.payload().duplicate();
        ByteBuffer out = ByteBuffer.allocate(8 + p.remaining());
        out.putInt(8 + p.remaining()).put(box.type().getBytes(StandardCharsets.ISO_8859_1)).put(p);
        return out.array();
    }

    private static int[] sampleSizes(Box stsz) {
        ByteBuffer b = stsz.fullPayload();
        int fixed = b.getInt();
        int count = b.getInt();
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = fixed != 0 ? fixed : b.getInt();
        }
        return sizes;
    }

    private static long[] decodeTimes(Box stts, int n) {
        ByteBuffer b = stts.fullPayload();
        int entries = b.getInt();
        long[] times = new long[n + 1];
        int i = 0;
        long t = 0;
        for (int e = 0; e < entries && i < n; e++) {
            int count = b.getInt();
            long delta = Integer.toUnsignedLong(b.getInt());
            for (int k = 0; k < count && i < n; k++) {
                times[i++] = t;
                t += delta;
            }
        }
        times[n] = t;
        return times;
    }

    /** Composition offsets less the edit list's start, so the first frame is presented at its decode time. */
    private static void compositionOffsets(Box ctts, long shift, int[] cto) {
        ByteBuffer b = ctts.fullPayload();
        int entries = b.getInt();
        int i = 0;
        for (int e = 0; e < entries && i < cto.length; e++) {
            int count = b.getInt();
            int offset = b.getInt();
            for (int k = 0; k < count && i < cto.length; k++) {
                cto[i++] = (int) (offset - shift);
            }
        }
    }

    /** The media time the edit list starts presenting from (B-frame delay); 0 without an edit list. */
    private static long editShift(Box trak) {
        return trak.child("edts").flatMap(e -> e.child("elst")).map(elst -> {
            ByteBuffer b = elst.fullPayload();
            int entries = b.getInt();
            for (int e = 0; e < entries; e++) {
                long mediaTime = elst.version() == 1 ? b.getLong(4 + e * 20 + 8) : b.getInt(4 + e * 12 + 4);
                if (mediaTime >= 0) {
                    return mediaTime;
                }
            }
            return 0L;
        }).orElse(0L);
    }

    /** Each sample's byte offset, from the chunk offsets and the sample-to-chunk table. */
    private static long[] chunkLayout(Box stbl, int[] sizes, String name) {
        long[] chunkOffsets;
        Box stco = stbl.child("stco").orElse(null);
        if (stco != null) {
            ByteBuffer b = stco.fullPayload();
            chunkOffsets = new long[b.getInt()];
            for (int i = 0; i < chunkOffsets.length; i++) {
                chunkOffsets[i] = Integer.toUnsignedLong(b.getInt());
            }
        } else {
            ByteBuffer b = stbl.require("co64").fullPayload();
            chunkOffsets = new long[b.getInt()];
            for (int i = 0; i < chunkOffsets.length; i++) {
                chunkOffsets[i] = b.getLong();
            }
        }
        ByteBuffer stsc = stbl.require("stsc").fullPayload();
        int entries = stsc.getInt();
        int[] firstChunk = new int[entries];
        int[] perChunk = new int[entries];
        for (int e = 0; e < entries; e++) {
            firstChunk[e] = stsc.getInt() - 1;
            perChunk[e] = stsc.getInt();
            stsc.getInt();
        }
        long[] offsets = new long[sizes.length];
        int sample = 0;
        for (int e = 0; e < entries; e++) {
            int lastChunk = e + 1 < entries ? firstChunk[e + 1] : chunkOffsets.length;
            for (int chunk = firstChunk[e]; chunk < lastChunk && sample < sizes.length; chunk++) {
                long at = chunkOffsets[chunk];
                for (int k = 0; k < perChunk[e] && sample < sizes.length; k++) {
                    offsets[sample] = at;
                    at += sizes[sample++];
                }
            }
        }
        if (sample < sizes.length) {
            throw new Mp4FormatException(name + ": its chunk tables place " + sample + " of " + sizes.length + " samples");
        }
        return offsets;
    }
}
