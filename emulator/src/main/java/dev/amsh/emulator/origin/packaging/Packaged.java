package dev.amsh.emulator.origin.packaging;

/** What the packager answers for one streaming path: the bytes, their type and how long caches may keep them. */
public record Packaged(String contentType, byte[] body, int maxAgeSeconds) {
}
