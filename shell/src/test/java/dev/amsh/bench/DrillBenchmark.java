package dev.amsh.bench;

import dev.amsh.browser.Chromium;
import dev.amsh.browser.Drill;
import dev.amsh.browser.DrillPlan;
import dev.amsh.browser.DrillReport;
import dev.amsh.browser.LocalPairDrillHooks;
import dev.amsh.browser.PlayerFormat;
import dev.amsh.browser.PlayerPage;
import dev.amsh.browser.PlayerScripts;
import dev.amsh.emulator.PublishedSample;
import dev.amsh.emulator.front.FrontSettings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drills in each of the front's modes: time from a's fall to the first segment from b, and the stall a viewer
 * saw, against Traffic Manager's arithmetic for the probe settings used (interval x (tolerated failures + 1) + TTL).
 *   args: [runs per mode and format, default 2] [probe interval, default 1s] [TTL, default 3s]
 */
public final class DrillBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String interval = args.length > 1 ? args[1] : "1s";
        String ttl = args.length > 2 ? args[2] : "3s";
        String home = System.getProperty("amsh.home", System.getProperty("user.dir"));
        try (BenchPair p = new BenchPair();
             PlayerPage page = new PlayerPage(PlayerScripts.install(Path.of(home, ".amsh", "tools"), System.out::println), 0)) {
            Path chromium = Chromium.locate(System.out::println);
            PublishedSample sample = PublishedSample.encodeAndPublish(p.pair, "a", Files.createTempDirectory("amsh-bench-drill"), 30);
            sample.replicateTo(p.pair, "a", "b");
            String manifest = p.pair.front().url() + URI.create(sample.base()).getPath() + "manifest";
            FrontSettings settings = p.pair.front().apply(Map.of("interval", interval, "tolerated-failures", "1",
                    "timeout", "500ms", "ttl", ttl));
            System.out.printf("drill: a 30 s encode through the front; probes every %s, 1 failure tolerated, timeout 500 ms, TTL %s%n",
                    interval, ttl);
            System.out.printf("Traffic Manager arithmetic for these settings (redirect mode, worst case): %.1f s%n",
                    settings.expectedRedirectDelay().toMillis() / 1000.0);
            System.out.printf("%-9s %-5s %6s %14s %10s %9s %s%n", "mode", "fmt", "run", "fall->b (s)", "stall (s)", "noticed", "continued");
            for (String mode : List.of("proxy", "steering", "redirect")) {
                for (PlayerFormat format : List.of(PlayerFormat.HLS, PlayerFormat.DASH)) {
                    for (int run = 1; run <= runs; run++) {
                        p.pair.front().apply(Map.of("mode", mode));
                        DrillPlan plan = new DrillPlan(format.manifestUrl(manifest), format, mode, "a", Duration.ofSeconds(8),
                                Duration.ofSeconds(20), settings.expectedRedirectDelay());
                        DrillReport r = new Drill(chromium, page, Clock.systemUTC()).run(plan, new LocalPairDrillHooks(p.pair), line -> { });
                        Double fallToB = r.firstFromOtherMs() == null ? null : (r.firstFromOtherMs() - r.downAtMs()) / 1000.0;
                        System.out.printf("%-9s %-5s %6d %14s %10.1f %9s %s%n", mode, format.name().toLowerCase(), run,
                                fallToB == null ? "-" : String.format("%.2f", fallToB), r.stallMs() / 1000.0,
                                r.frontNoticedAtMs() == null ? "-" : String.format("%.1f s", (r.frontNoticedAtMs() - r.downAtMs()) / 1000.0),
                                r.continued() ? "yes" : "NO");
                        Thread.sleep(3000); // let the probes see a again before the next run
                    }
                }
            }
        }
    }
}
