package dev.amsh.emulator.encoder;

import dev.amsh.emulator.storage.NodeTools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds a real ffmpeg with libx264 and AAC: the system's when it has them, else the static build that the
 * npm registry ships in @ffmpeg-installer/linux-x64, installed into the project's tools folder on first use.
 */
public final class Ffmpeg {
    public static final String NPM_PACKAGE = "@ffmpeg-installer/linux-x64@4.1.0";

    private Ffmpeg() {
    }

    public static Path locate(Path toolsDir, Consumer<String> log) throws IOException {
        if (hasEncoders("ffmpeg")) {
            return Path.of("ffmpeg");
        }
        Path installed = toolsDir.resolve("node_modules").resolve("@ffmpeg-installer").resolve("linux-x64").resolve("ffmpeg");
        NodeTools.install(toolsDir, NPM_PACKAGE, installed, exe -> hasEncoders(exe.toString()), log);
        if (!hasEncoders(installed.toString())) {
            throw new IOException(installed + " cannot encode H.264 (libx264) and AAC");
        }
        return installed;
    }

    static boolean hasEncoders(String ffmpeg) {
        try {
            Process p = new ProcessBuilder(ffmpeg, "-hide_banner", "-encoders").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && out.contains("libx264") && out.contains(" aac ");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes a short H.264/AAC mezzanine from ffmpeg's test sources: nothing is downloaded. */
    public static void makeSample(Path ffmpeg, Path out, int seconds) throws IOException {
        List<String> cmd = List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=24",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", out.toString());
        Process p = new ProcessBuilder(dev.amsh.emulator.storage.Detached.command(cmd)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException("ffmpeg could not make the sample: " + output.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the sample");
        }
    }
}
