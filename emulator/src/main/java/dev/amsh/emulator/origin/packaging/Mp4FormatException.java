package dev.amsh.emulator.origin.packaging;

/** An MP4 the packager cannot read: what was wrong with it, for the origin's error answer. */
public final class Mp4FormatException extends RuntimeException {
    public Mp4FormatException(String message) {
        super(message);
    }
}
