package dev.amsh.emulator.origin.packaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One ISO BMFF box as read: its four-character type and its payload (the bytes after the header). */
record Box(String type, ByteBuffer payload) {

    /** The boxes laid end to end in {@code data}, from its position to its limit. */
    static List<Box> children(ByteBuffer data) {
        ByteBuffer b = data.slice();
        List<Box> out = new ArrayList<>();
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = Integer.toUnsignedLong(b.getInt());
            String type = fourCc(b.getInt());
            int header = 8;
            if (size == 1) {
                size = b.getLong();
                header = 16;
            } else if (size == 0) {
                size = b.limit() - start;
            }
            if (size < header || start + size > b.limit()) {
                throw new Mp4FormatException("box '" + type + "' runs past its parent");
            }
            out.add(new Box(type, b.duplicate().position(start + header).limit((int) (start + size)).slice()));
            b.position((int) (start + size));
        }
        return out;
    }

    static String fourCc(int value) {
        return new String(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value},
                StandardCharsets.ISO_8859_1);
    }

    Optional<Box> child(String childType) {
        return children(payload).stream().filter(c -> c.type.equals(childType)).findFirst();
    }

    Box require(String path) {
        Box at = this;
        for (String step : path.split("/")) {
            Box from = at;
            at = from.child(step).orElseThrow(() -> new Mp4FormatException("no '" + step + "' in '" + from.type + "'"));
        }
        return at;
    }

    /** The payload of a full box, after its version and flags. */
    ByteBuffer fullPayload() {
        return payload.duplicate().position(4).slice();
    }

    int version() {
        return payload.get(0) & 0xff;
    }
}
