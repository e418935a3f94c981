package dev.amsh.shell.commands;

import dev.amsh.error.AmshException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks ffmpeg whether a file is media before it is uploaded: an upload of a document or an archive makes an asset
 * that can never be encoded or streamed. Uses an ffmpeg already at hand (the system's, or the one the local pair
 * installed); none is installed just for this, and without one the file is not judged.
 */
final class MediaProbe {
    private MediaProbe() {
    }

    static void refuseNonMedia(Path file, Path ffmpegTools) {
        if (!Files.isRegularFile(file)) {
            return; // the upload says so in its own words
        }
        Optional<String> ffmpeg = ffmpeg(ffmpegTools);
        if (ffmpeg.isEmpty()) {
            return;
        }
        try {
            Process p = new ProcessBuilder(List.of(ffmpeg.get(), "-hide_banner", "-i", file.toString()))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return;
            }
            if (!out.contains("Stream #")) {
                String why = out.lines().filter(l -> l.contains(file.getFileName().toString()) || l.contains("Invalid"))
                        .reduce((x, y) -> y).orElse("no audio or video stream").trim();
                throw new AmshException(file.getFileName() + " is not media as ffmpeg reads it (" + why + ")",
                        "give an audio or video file, or --force to upload it anyway");
            }
        } catch (IOException e) {
            // cannot ask: do not judge
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> ffmpeg(Path tools) {
        Path installed = tools.resolve("node_modules").resolve("@ffmpeg-installer").resolve("linux-x64").resolve("ffmpeg");
        if (Files.isExecutable(installed)) {
            return Optional.of(installed.toString());
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ffmpeg"))) {
                return Optional.of(Path.of(dir, "ffmpeg").toString());
            }
        }
        return Optional.empty();
    }
}
