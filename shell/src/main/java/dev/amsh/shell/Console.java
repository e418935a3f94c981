package dev.amsh.shell;

import java.io.PrintWriter;

/**
 * Where a session writes: results, messages, and a progress line. The REPL backs it with the JLine terminal;
 * scripts and {@code -c} with plain streams. Everything written passes through the redactor first.
 */
public interface Console {
    PrintWriter out();

    PrintWriter err();

    /** Replaces the current progress line (a no-op where there is no terminal to redraw). */
    void progress(String line);

    /** Ends the progress line so the next output starts clean. */
    void progressDone();

    boolean interactive();

    /** Plain streams, for scripts and -c. */
    static Console plain(PrintWriter out, PrintWriter err) {
        return new Console() {
            @Override
            public PrintWriter out() {
                return out;
            }

            @Override
            public PrintWriter err() {
                return err;
            }

            @Override
            public void progress(String line) {
            }

            @Override
            public void progressDone() {
            }

            @Override
            public boolean interactive() {
                return false;
            }
        };
    }
}
