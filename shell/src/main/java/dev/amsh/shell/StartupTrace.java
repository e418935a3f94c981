package dev.amsh.shell;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;

/**
 * Milestones of a start (terminal open, registry made, first prompt…) printed to stderr with the milliseconds since
 * the JVM started, when amsh runs with {@code -Damsh.startup.trace=true} (e.g. {@code JAVA_TOOL_OPTIONS}): to see what
 * stands on the way to the prompt, or to a {@code -c} command's end. Off, a mark costs one field read.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("amsh.startup.trace");

    private StartupTrace() {
    }

    public static void mark(String milestone) {
        if (ON) {
            Clock.print(milestone);
        }
    }

    /** The process's cpu time so far (all its threads), or -1 where the JVM does not tell. */
    private static long cpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** Loaded on the first mark only, so a start without the property never reads the JVM's start time. */
    private static final class Clock {
        private static final long JVM_START_NANOS = System.nanoTime()
                - (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) * 1_000_000L;

        static void print(String milestone) {
            long micros = (System.nanoTime() - JVM_START_NANOS) / 1_000;
            // a StringBuilder, not String.format: the trace must not load what it measures
            StringBuilder line = new StringBuilder("amsh: startup ").append(micros / 1_000).append('.')
                    .append(micros % 1_000 / 100).append(" ms  cpu ").append(cpuMillis()).append(" ms (this thread ")
                    .append(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 100_000 / 10.0).append(")  ").append(milestone)
                    .append("  [").append(Thread.currentThread().getName()).append("]\n");
            System.err.print(line);
            System.err.flush();
        }
    }
}
