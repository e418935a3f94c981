package dev.amsh.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Walks the boxes of an MP4 fragment, for tests: a path like {@code moof/traf/tfdt} gives its payloads. */
final class Mp4Boxes {
    private static final List<String> CONTAINERS = List.of("moov", "trak", "mdia", "minf", "stbl", "moof", "traf", "mvex");

    private Mp4Boxes() {
    }

    record Found(String path, ByteBuffer payload) {
    }

    static List<Found> walk(byte[] data) {
        List<Found> out = new ArrayList<>();
        walk(ByteBuffer.wrap(data), "", out);
        return out;
    }

    private static void walk(ByteBuffer b, String prefix, List<Found> out) {
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = Integer.toUnsignedLong(b.getInt());
            byte[] type = new byte[4];
            b.get(type);
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (size < 8 || start + size > b.limit()) {
                throw new IllegalArgumentException("box " + prefix + name + " of " + size + " bytes overruns its parent");
            }
            ByteBuffer payload = b.duplicate().position(start + 8).limit((int) (start + size)).slice();
            out.add(new Found(prefix + name, payload));
            if (CONTAINERS.contains(name)) {
                walk(payload.duplicate(), prefix + name + "/", out);
            }
            b.position((int) (start + size));
        }
    }

    static List<ByteBuffer> find(byte[] data, String path) {
        return walk(data).stream().filter(f -> f.path.equals(path)).map(Found::payload).toList();
    }
}
