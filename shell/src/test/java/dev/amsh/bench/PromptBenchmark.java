package dev.amsh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How fast {@code ./amsh} starts, as a person starts it: the time to the first prompt (a new JVM in a pseudo-terminal,
 * files in the page cache) with a contexts file, with and without the class data sharing archive, and with no
 * contexts (the local pair starting in the background); the launcher's own cost; and {@code ./amsh -c "assets ls"}
 * on the local pair, when it has to start the pair and when a pair started with {@code local up --detach} runs.
 * The machine may be shared: each figure is a median, with the load average beside it, and the ratios compare runs
 * made one after the other.
 */
public final class PromptBenchmark {
    record Figure(long medianMs, long minMs, long maxMs, long cpuMs, String load) {
        @Override
        public String toString() {
            return String.format("median %5d ms   min %5d   max %5d   %s  load %s", medianMs, minMs, maxMs,
                    cpuMs > 0 ? String.format("cpu %4d ms", cpuMs) : "           ", load);
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("amsh.home", System.getProperty("user.dir")));
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path userHome = Files.createTempDirectory("amsh-bench-home");
        Path contexts = userHome.resolve("contexts.json");
        Files.writeString(contexts, "{\"current\":\"a\",\"contexts\":{\"a\":{\"apiRoot\":\"http://127.0.0.1:9/api/\","
                + "\"auth\":{\"type\":\"acs\",\"accountName\":\"x\",\"accountKey\":\"env:NOPE\"}}}}");
        Files.setPosixFilePermissions(contexts, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        // a first start makes the archive if the build is new, and fills the page cache
        prompt(home, userHome, List.of("--contexts", contexts.toString()), Map.of());

        System.out.printf("./amsh on %d cores (%d runs each; cpu: the JVM's user+system time to the prompt)%n",
                Runtime.getRuntime().availableProcessors(), runs);
        Figure launcher = launcher(home, userHome, runs);
        System.out.println("  the launcher alone (bash, build and archive checks)  " + launcher);
        Figure withCds = measure(runs, () -> prompt(home, userHome, List.of("--contexts", contexts.toString()), Map.of()));
        System.out.println("  prompt, contexts file                               " + withCds);
        Figure noCds = measure(runs, () -> prompt(home, userHome, List.of("--contexts", contexts.toString()), Map.of("AMSH_CDS", "off")));
        System.out.println("  prompt, contexts file, no class data sharing        " + noCds);
        Path pairHome = Files.createTempDirectory("amsh-bench-pair-home");
        Figure local = measure(Math.max(3, runs / 2), () -> prompt(home, pairHome, List.of(), Map.of()));
        System.out.println("  prompt, no contexts (local pair in the background)  " + local);
        System.out.printf("  class data sharing: the prompt in %.2f of the time (cpu %.2f)%n",
                withCds.medianMs() / (double) noCds.medianMs(), withCds.cpuMs() / (double) noCds.cpuMs());

        Path data = Files.createTempDirectory("amsh-bench-pair");
        Map<String, String> onPair = Map.of("AMSH_LOCAL_DATA", data.toString(), "HOME", pairHome.toString());
        Figure cold = measure(Math.max(3, runs / 2), () -> dashC(home, onPair, "assets ls"));
        System.out.println("  -c \"assets ls\", starting the pair (and stopping it)  " + cold);
        run(home, onPair, "local", "up", "--detach", "--data", data.toString());
        try {
            Figure joined = measure(runs, () -> dashC(home, onPair, "assets ls"));
            System.out.println("  -c \"assets ls\", a pair running (local up --detach)  " + joined);
            System.out.printf("  -c on a running pair in %.2f of the time of one that starts the pair%n",
                    joined.medianMs() / (double) cold.medianMs());
        } finally {
            run(home, onPair, "local", "down", "--data", data.toString());
        }
    }

    /** One measured start: wall milliseconds and the JVM's cpu milliseconds. */
    record Sample(long wallMs, long cpuMs) {
    }

    interface Start {
        Sample run() throws Exception;
    }

    static Figure measure(int runs, Start start) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(start.run());
        }
        List<Long> wall = samples.stream().map(Sample::wallMs).sorted().toList();
        List<Long> cpu = samples.stream().map(Sample::cpuMs).sorted().toList();
        return new Figure(wall.get(wall.size() / 2), wall.get(0), wall.get(wall.size() - 1), cpu.get(cpu.size() / 2), load());
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The time from starting ./amsh in a pseudo-terminal to its first prompt; then types exit. */
    static Sample prompt(Path home, Path userHome, List<String> extra, Map<String, String> env) throws Exception {
        StringBuilder vars = new StringBuilder("HOME=" + userHome + " ");
        env.forEach((k, v) -> vars.append(k).append('=').append(v).append(' '));
        String cmd = "stty cols 120 rows 40; " + vars + home.resolve("amsh") + " " + String.join(" ", extra);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("script", "-qfec", cmd, "/dev/null").redirectErrorStream(true).start();
        InputStream in = p.getInputStream();
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        long elapsed = -1;
        for (int n; (n = in.read(buf)) > 0; ) {
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            if (seen.toString().matches("(?s).*amsh:[^ \r\n]*> .*")) {
                elapsed = (System.nanoTime() - t0) / 1_000_000;
                break;
            }
        }
        long cpu = p.descendants().filter(d -> d.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(d -> d.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
        p.getOutputStream().write("exit\r".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        if (elapsed < 0) {
            throw new IllegalStateException("no prompt seen: " + seen);
        }
        return new Sample(elapsed, cpu);
    }

    /** The launcher up to the point where it starts the JVM: a java that exits at once stands in for the real one. */
    static Figure launcher(Path home, Path userHome, int runs) throws Exception {
        Path bin = Files.createTempDirectory("amsh-bench-bin");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        java.toFile().setExecutable(true);
        return measure(runs, () -> {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("amsh").toString(), "--help").redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("HOME", userHome.toString());
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Sample(ms, p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L));
        });
    }

    /** ./amsh -c LINE to its exit: wall milliseconds (cpu is not followed into a JVM that has exited). */
    static Sample dashC(Path home, Map<String, String> env, String line) throws Exception {
        long t0 = System.nanoTime();
        String out = run(home, env, "-c", line);
        if (!out.contains("(none)") && !out.contains("item")) {
            throw new IllegalStateException("amsh -c " + line + " did not list assets: " + out);
        }
        return new Sample((System.nanoTime() - t0) / 1_000_000, 0);
    }

    static String run(Path home, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("amsh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("AMSH_CONTEXTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("amsh " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
