package dev.amsh.emulator.origin.packaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds one box: its fields in order, then {@link #box} or {@link #fullBox} wraps them with the header. */
final class BoxWriter {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    BoxWriter u8(int v) {
        body.write(v);
        return this;
    }

    BoxWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    BoxWriter u32(long v) {
        return u16((int) (v >>> 16) & 0xffff).u16((int) v & 0xffff);
    }

    BoxWriter u64(long v) {
        return u32(v >>> 32).u32(v & 0xffffffffL);
    }

    BoxWriter zeros(int n) {
        body.writeBytes(new byte[n]);
        return this;
    }

    BoxWriter fourCc(String type) {
        body.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    BoxWriter bytes(byte[] b) {
        body.writeBytes(b);
        return this;
    }

    BoxWriter text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0);
    }

    /** The unity matrix of movie and track headers. */
    BoxWriter matrix() {
        return u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000);
    }

    byte[] box(String type) {
        byte[] payload = body.toByteArray();
        return new BoxWriter().u32(8L + payload.length).fourCc(type).bytes(payload).body.toByteArray();
    }

    byte[] fullBox(String type, int version, int flags) {
        byte[] payload = body.toByteArray();
        return new BoxWriter().u32(12L + payload.length).fourCc(type).u8(version).u8(flags >>> 16).u16(flags & 0xffff)
                .bytes(payload).body.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
