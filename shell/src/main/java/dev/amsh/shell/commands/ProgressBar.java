package dev.amsh.shell.commands;

import dev.amsh.shell.Console;
import dev.amsh.storage.CopyProgress;

import java.util.function.Consumer;

/** Draws copy progress on the console's progress line, at most ten times a second. */
final class ProgressBar implements Consumer<CopyProgress> {
    private final Console console;
    private final String label;
    private long lastDraw;

    ProgressBar(Console console, String label) {
        this.console = console;
        this.label = label;
    }

    @Override
    public synchronized void accept(CopyProgress p) {
        long now = System.nanoTime();
        if (p.blobsDone() < p.blobsTotal() && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 24;
        int filled = (int) Math.round(p.fraction() * width);
        console.progress(String.format("%s [%s%s] %3d%%  %d/%d blobs  %s / %s", label, "#".repeat(filled),
                "-".repeat(width - filled), Math.round(p.fraction() * 100), p.blobsDone(), p.blobsTotal(),
                bytes(p.bytesDone()), bytes(p.bytesTotal())));
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format("%.1f MiB", n / 1048576.0);
        }
        return String.format("%.2f GiB", n / 1073741824.0);
    }
}
