package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.storage.CopyCancellation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Lines run with a trailing {@code &}: each on a thread of its own, so the prompt comes back at once. Progress
 * of background work is not drawn (it would write over the prompt); when a line ends, one notice says so
 * above the prompt, and its result is kept as {@code bgN} (an assignment keeps it under its own name too).
 * Each job has a cancellation of its own: {@code kill %N} cancels it (a command stops cleanly, as on Ctrl-C)
 * and interrupts its thread (Groovy loops check for that).
 */
public final class BackgroundWork {
    /** One background line and how it went. */
    public record Job(int id, String line, Instant started, String state, Duration took, String variable, String error) {
    }

    private final Clock clock;
    private final List<Job> jobs = new ArrayList<>();
    private final Map<Integer, Thread> threads = new HashMap<>();
    private final Map<Integer, CopyCancellation> cancellations = new HashMap<>();
    private final InheritableThreadLocal<CopyCancellation> jobHere = new InheritableThreadLocal<>();
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
        return jobHere.get() != null;
    }

    /** The cancellation of the background job the calling thread runs, if it runs one. */
    public Optional<CopyCancellation> cancellationHere() {
        return Optional.ofNullable(jobHere.get());
    }

    /**
     * Cancels job {@code id}: its command stops as on Ctrl-C and its thread is interrupted. Returns the job as
     * it was; one line when there is no such job or it has already ended.
     */
    public Job cancel(int id) {
        Job job;
        CopyCancellation cancellation;
        Thread thread;
        synchronized (this) {
            if (id < 1 || id > jobs.size()) {
                throw new AmshException("no background job " + id,
                        jobs.isEmpty() ? "none has been started yet: end a line with & to start one" : "'bg' lists them: 1 to " + jobs.size());
            }
            job = jobs.get(id - 1);
            if (!job.state().equals("running")) {
                throw new AmshException("background job " + id + " has already ended (" + job.state() + ")", "'bg' lists the jobs and how they went");
            }
            jobs.set(id - 1, new Job(id, job.line(), job.started(), "cancelling", null, job.variable(), null));
            cancellation = cancellations.get(id);
            thread = threads.get(id);
        }
        cancellation.cancel();
        thread.interrupt();
        return job;
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
        CopyCancellation cancellation = new CopyCancellation();
        Thread t = new Thread(() -> {
            jobHere.set(cancellation);
            String state = "done";
            String error = null;
            try {
                work.run("bg" + id);
            } catch (Throwable e) {
                state = "failed";
                error = e instanceof AmshException a ? a.oneLine() : e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (cancellation.isCancelled()) {
                // what a cancelled command or loop threw on its way out is the cancel, not a failure
                state = "cancelled";
                error = null;
            }
            Duration took = Duration.between(started, clock.instant());
            synchronized (this) {
                jobs.set(id - 1, new Job(id, line, started, state, took, "bg" + id, error));
                threads.remove(id);
                cancellations.remove(id);
            }
            notices.accept("[" + id + "] " + state + " in " + took.toSeconds() + " s: " + line
                    + (error != null ? " - " + error : state.equals("cancelled") ? "" : " (result in bg" + id + ")"));
        }, "amsh-bg-" + id);
        t.setDaemon(true);
        synchronized (this) {
            threads.put(id, t);
            cancellations.put(id, cancellation);
        }
        t.start();
        return id;
    }

    @FunctionalInterface
    interface Work {
        void run(String variable) throws Exception;
    }
}
