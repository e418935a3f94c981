package dev.amsh.browser;

import java.util.List;

/**
 * The video element at one instant: position, frames decoded and dropped (over every viewing of a looped
 * drill), seconds buffered ahead, the errors that stopped the player and how many failures it recovered from.
 */
public record PlaybackSample(long atMillis, double position, long decodedFrames, long droppedFrames, double bufferAhead,
                             boolean paused, boolean ended, List<String> errors, int recovered) {
}
