package dev.amsh.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time from starting {@code ./amsh} (a cold JVM, in a pseudo-terminal) to its first prompt, over several
 * runs: with no contexts configured (the local pair starts in the background) and with a contexts file.
 */
public final class PromptBenchmark {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("amsh.home", System.getProperty("user.dir")));
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path contexts = Files.createTempFile("amsh-contexts", ".json");
        Files.writeString(contexts, "{\"current\":\"a\",\"contexts\":{\"a\":{\"apiRoot\":\"http://127.0.0.1:9/api/\","
                + "\"auth\":{\"type\":\"acs\",\"accountName\":\"x\",\"accountKey\":\"env:NOPE\"}}}}");
        Path emptyHome = Files.createTempDirectory("amsh-home");
        System.out.printf("time to the first prompt of ./amsh on a cold JVM (%d runs each)%n", runs);
        report("with a contexts file", measure(home, runs, List.of("--contexts", contexts.toString()), emptyHome));
        report("no contexts: local pair in the background", measure(home, runs, List.of(), emptyHome));
    }

    static void report(String label, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(Long::compare);
        System.out.printf("  %-42s median %5d ms   min %5d ms   max %5d ms%n", label, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    static List<Long> measure(Path home, int runs, List<String> extra, Path userHome) throws Exception {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String cmd = "stty cols 120 rows 40; HOME=" + userHome + " " + home.resolve("amsh") + " " + String.join(" ", extra);
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
            p.getOutputStream().write("exit\r".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (elapsed < 0) {
                throw new IllegalStateException("no prompt seen: " + seen);
            }
            out.add(elapsed);
        }
        return out;
    }
}
