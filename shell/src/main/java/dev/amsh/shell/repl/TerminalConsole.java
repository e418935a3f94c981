package dev.amsh.shell.repl;

import dev.amsh.shell.Console;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

import java.io.PrintWriter;

/** The console on a JLine terminal: a progress line redrawn in place with carriage returns. */
final class TerminalConsole implements Console {
    private final Terminal terminal;
    private final PrintWriter out;
    private boolean progressShown;

    TerminalConsole(Terminal terminal) {
        this.terminal = terminal;
        this.out = terminal.writer();
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return out;
    }

    @Override
    public synchronized void progress(String line) {
        int width = Math.max(20, terminal.getWidth() - 1);
        String shown = line.length() > width ? line.substring(0, width) : line;
        out.print('\r');
        out.print(shown);
        terminal.puts(InfoCmp.Capability.clr_eol);
        out.flush();
        progressShown = true;
    }

    @Override
    public synchronized void progressDone() {
        if (progressShown) {
            out.print('\r');
            terminal.puts(InfoCmp.Capability.clr_eol);
            out.flush();
            progressShown = false;
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }
}
