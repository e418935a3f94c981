package dev.amsh.shell;

import java.io.PrintWriter;

/** The session's console, drawing no progress line for work running in the background. */
final class QuietInBackground implements Console {
    private final Console console;
    private final BackgroundWork background;

    QuietInBackground(Console console, BackgroundWork background) {
        this.console = console;
        this.background = background;
    }

    @Override
    public PrintWriter out() {
        return console.out();
    }

    @Override
    public PrintWriter err() {
        return console.err();
    }

    @Override
    public void progress(String line) {
        if (!background.inBackground()) {
            console.progress(line);
        }
    }

    @Override
    public void progressDone() {
        if (!background.inBackground()) {
            console.progressDone();
        }
    }

    @Override
    public boolean interactive() {
        return console.interactive();
    }
}
