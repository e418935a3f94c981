package dev.amsh.emulator.origin.packaging;

/** A file of an asset as storage lists it: its version tag and its length. */
public record StoredFile(String etag, long length) {
}
