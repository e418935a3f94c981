package dev.amsh.shell;

import dev.amsh.error.AmshException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lines run with a trailing {@code &}: each on a thread of its own, so the prompt comes back at once. Progress
 * of background work is not drawn (it would write over the prompt); when a line ends, one notice says so
 * above the prompt, and its result is kept as {@code bgN} (an assignment keeps it under its own name too).
 */
public final class BackgroundWork {
    /** One background line and how it went. */
    public record Job(int id, String line, Instant started, String state, Duration took, String variable, String error) {
    }

    private final Clock clock;
    private final List<Job> jobs = new ArrayList<>();
    private final InheritableThreadLocal<Boolean> inBackground = new InheritableThreadLocal<>();
    private volatile Consumer<String> notices;

    BackgroundWork(Clock clock, Consumer<String> notices) {
        this.clock = clock;
        this.notices = notices;
    }

    /** Where the end of a job is announced; the REPL prints above its prompt. */
    public void setNotices(Consumer<String> notices) {
        this.notices = notices;
    }

    /** Whether the calling thread does background work (its progress lines are not drawn). */
    public boolean inBackground() {
        return Boolean.TRUE.equals(inBackground.get());
    }

    public synchronized List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /** Starts {@code line} on its own thread; returns its number at once. */
    int start(String line, Work work) {
        int id;
        Instant started = clock.instant();
        synchronized (this) {
            id = jobs.size() + 1;
            jobs.add(new Job(id, line, started, "running", null, "bg" + id, null));
        }
        Thread t = new Thread(() -> {
            inBackground.set(true);
            String state = "done";
            String error = null;
            try {
                work.run("bg" + id);
            } catch (Throwable e) {
                state = "failed";
                error = e instanceof AmshException a ? a.oneLine() : e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            Duration took = Duration.between(started, clock.instant());
            synchronized (this) {
                jobs.set(id - 1, new Job(id, line, started, state, took, "bg" + id, error));
            }
            notices.accept("[" + id + "] " + state + " in " + took.toSeconds() + " s: " + line
                    + (error != null ? " - " + error : " (result in bg" + id + ")"));
        }, "amsh-bg-" + id);
        t.setDaemon(true);
        t.start();
        return id;
    }

    @FunctionalInterface
    interface Work {
        void run(String variable) throws Exception;
    }
}
