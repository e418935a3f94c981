package dev.amsh.shell.repl;

import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.Session;
import dev.amsh.shell.StartupTrace;
import dev.amsh.shell.commands.HintsCommand;
import dev.amsh.shell.ExitRequest;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.widget.TailTipWidgets;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The interactive loop: a JLine reader with completion and a persistent, redacted history; each line runs
 * on a worker thread so Ctrl-C cancels the command (a copy, a failover) and not the shell.
 */
public final class Repl {
    /** How long an interrupted line may take to stop before the prompt comes back without it. */
    static final Duration ABANDON_AFTER = Duration.ofMillis(800);

    private final Session session;
    private final Terminal terminal;
    private final Function<Throwable, String> errorLine;

    public Repl(Session session, Terminal terminal, Function<Throwable, String> errorLine) {
        this.session = session;
        this.terminal = terminal;
        this.errorLine = errorLine;
    }

    public static dev.amsh.shell.Console console(Terminal terminal) {
        return new TerminalConsole(terminal);
    }

    /** Keeps secrets out of the history file: every line is redacted before it is stored. */
    static final class RedactingHistory extends DefaultHistory {
        private final Redactor redactor;

        RedactingHistory(Redactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public void add(Instant time, String line) {
            super.add(time, redactor.redact(line));
        }
    }

    public int run(Path historyFile) {
        return run(historyFile, () -> { });
    }

    /** As above; {@code atFirstPrompt} runs as the first prompt is shown (work that should not delay it starts then). */
    public int run(Path historyFile, Runnable atFirstPrompt) {
        ownerOnly(historyFile);
        History history = new RedactingHistory(session.redactor());
        DefaultParser parser = new DefaultParser();
        // an unclosed quote is an error line, not a continuation prompt that swallows what follows
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnUnclosedBracket(DefaultParser.Bracket.CURLY, DefaultParser.Bracket.ROUND, DefaultParser.Bracket.SQUARE);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("amsh").history(history)
                .parser(parser).completer(new AmshCompleter(session, new LiveValues(session, session.clock())))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 2000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        StartupTrace.mark("line reader made");
        // background work announces its end above the prompt, which stays as typed
        session.background().setNotices(notice -> reader.printAbove(session.redactor().redact(notice)));
        TailTipWidgets hints = new TailTipWidgets(reader, new InlineHints(session::registry), 5, TailTipWidgets.TipType.TAIL_TIP);
        if (session.settings().isOn(HintsCommand.SETTING, true)) {
            hints.enable();
        } else {
            hints.disable();
        }
        session.settings().onChange((key, value) -> {
            if (key.equals(HintsCommand.SETTING)) {
                if (value.equals("on")) {
                    hints.enable();
                } else {
                    hints.disable();
                }
            }
        });
        StartupTrace.mark("first prompt");
        atFirstPrompt.run();
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return 0;
            }
            Integer exit = runOne(line);
            if (exit != null) {
                try {
                    history.save();
                } catch (java.io.IOException ignored) {
                    // history is a convenience
                }
                return exit;
            }
        }
    }

    /** The history file is the user's alone, like a shell's. */
    private static void ownerOnly(Path file) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } else {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (java.io.IOException | UnsupportedOperationException ignored) {
            // history still works; the file keeps whatever permissions it had
        }
    }

    private String prompt() {
        String ctx = session.promptContext();
        return "amsh:" + (ctx == null ? "-" : ctx) + "> ";
    }

    /**
     * Runs a line on a worker and gives the prompt back whatever the line does. Ctrl-C cancels a command
     * cleanly (a copy finishes no blob half-way) and a second Ctrl-C interrupts it; Groovy that is not
     * inside a command is interrupted at once (its loops check). A thread that still runs a second after
     * its interrupt is abandoned, and the shell says so. Returns an exit status when the line was {@code exit}.
     */
    private Integer runOne(String line) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Integer> exit = new AtomicReference<>();
        session.newCancellation();
        Thread worker = new Thread(() -> {
            try {
                session.execute(line);
            } catch (ExitRequest e) {
                exit.set(e.status());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "amsh-command");
        worker.setDaemon(true);
        AtomicInteger presses = new AtomicInteger();
        AtomicLong interruptedAt = new AtomicLong();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> {
            if (presses.incrementAndGet() == 1 && session.runningCommand()) {
                session.cancellation().cancel();
                say("(cancelling; Ctrl-C again to interrupt)");
            } else {
                session.cancellation().cancel();
                interruptedAt.compareAndSet(0, System.nanoTime());
                worker.interrupt();
            }
        });
        worker.start();
        boolean abandoned = false;
        try {
            while (worker.isAlive()) {
                worker.join(50);
                long since = interruptedAt.get();
                if (worker.isAlive() && since != 0 && System.nanoTime() - since > ABANDON_AFTER.toNanos()) {
                    abandoned = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            session.cancellation().cancel();
            worker.interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        session.console().progressDone();
        String shown = session.redactor().redact(line.strip());
        if (abandoned) {
            say("abandoned: " + shown + " (it did not stop when interrupted; its thread is left running)");
        } else if (failure.get() != null && presses.get() > 0 && !(failure.get() instanceof AmshException)) {
            say((interruptedAt.get() != 0 ? "interrupted: " : "cancelled: ") + shown
                    + (session.startsWithCommand(line.strip()) ? " (re-run it to pick up where it stopped)" : ""));
        } else if (failure.get() != null) {
            say(session.redactor().redact(errorLine.apply(failure.get())));
        }
        return exit.get();
    }

    private void say(String text) {
        session.console().progressDone();
        terminal.writer().println(text);
        terminal.writer().flush();
    }
}
