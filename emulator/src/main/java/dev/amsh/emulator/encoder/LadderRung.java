package dev.amsh.emulator.encoder;

/** One video layer of the adaptive ladder: size and bitrate. */
public record LadderRung(int width, int height, int kbps) {
}
