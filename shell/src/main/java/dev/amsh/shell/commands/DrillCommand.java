package dev.amsh.shell.commands;

import dev.amsh.browser.BrowserUnavailable;
import dev.amsh.browser.Chromium;
import dev.amsh.browser.Drill;
import dev.amsh.browser.DrillHooks;
import dev.amsh.browser.DrillPlan;
import dev.amsh.browser.DrillReport;
import dev.amsh.browser.PlayerFormat;
import dev.amsh.browser.PlayerPage;
import dev.amsh.browser.PlayerScripts;
import dev.amsh.browser.TimelinePage;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.front.Durations;
import dev.amsh.emulator.front.EndpointHealth;
import dev.amsh.emulator.front.FrontMode;
import dev.amsh.emulator.front.FrontStatus;
import dev.amsh.error.AmshException;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.LocatorWindow;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.FailingResult;
import dev.amsh.shell.render.TextView;
import dev.amsh.storage.CopyOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drill ASSET}: watch a failover happen. The asset is failed over first if b lacks it; then it plays
 * through the local pair's front in headless chromium, datacenter a is taken down mid-play, and the timeline
 * says what a viewer saw. a is brought back up and the front's settings restored, whatever happens.
 */
public final class DrillCommand implements Command {
    /** Probes a drill runs with: a failover seen within seconds, as Traffic Manager's arithmetic gives it. */
    static final Map<String, String> DRILL_PROBES = Map.of("interval", "1s", "tolerated-failures", "1", "timeout", "500ms",
            "ttl", "3s");
    static final Opt<PlayerFormat> FORMAT = Opt.oneOf("format", PlayerFormat.class, "the player: hls, dash or smooth").orElse(PlayerFormat.HLS);
    static final Opt<FrontMode> MODE = Opt.oneOf("mode", FrontMode.class, "the front's mode: redirect, proxy or steering").orElse(FrontMode.PROXY);
    static final Opt<Duration> FAIL_AFTER = Opt.duration("fail-after", "when a goes down, from the start of playback").orElse(Duration.ofSeconds(10));
    static final Opt<Duration> DURATION = Opt.duration("duration", "how long playback is watched in all").orElse(Duration.ofSeconds(40));
    static final Opt<Path> OUT = Opt.path("out", "the timeline page (HTML) to write (default ~/.amsh/runs/drill-<time>.html)");
    private final Path dataDir;

    public DrillCommand(Path dataDir) {
        this.dataDir = dataDir;
    }

    public CommandSpec spec() {
        return CommandSpec.of("drill", "play an asset through the front in a real browser, take a down mid-play, and report the timeline")
                .param(ParamSpec.required("ASSET", ValueKind.ASSET, "a published asset on a (name or Id)"))
                .option(FORMAT)
                .option(MODE)
                .option(FAIL_AFTER)
                .option(DURATION)
                .option(OUT)
                .details("""
                        Local pair only, of any kinds (v2, v3, or v2 a and v3 b). Fails the asset over to b first if b
                        lacks its locator; on v3 both streaming endpoints must be running. During the drill the
                        front probes every 1 s, tolerates 1 failure, times out at 500 ms and answers with a 3 s TTL
                        (redirect mode's arithmetic: 1 s x 2 + 3 s = 5 s); its settings are restored afterwards.
                        Needs Debian's chromium (it decodes H.264/AAC): where it is missing and amsh runs as root it is
                        installed with apt-get, else the drill says the command. Exit status is non-zero when playback
                        did not continue from b.""")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) throws Exception {
        PlayerFormat format = inv.get(FORMAT);
        FrontMode mode = inv.get(MODE);
        Duration failAfter = inv.get(FAIL_AFTER);
        Duration total = inv.get(DURATION);
        if (failAfter.isZero() || failAfter.isNegative()) {
            throw new AmshException("--fail-after must be longer than 0 s", "e.g. --fail-after 10s");
        }
        if (total.compareTo(failAfter.plusSeconds(5)) < 0) {
            throw new AmshException("--duration must leave at least 5 s after --fail-after", "e.g. --fail-after 10s --duration 40s");
        }
        FrontStatus before = FrontCommands.status(dataDir, null);
        AccountContext a = s.contexts().get("a");
        AccountContext b = s.contexts().get("b");
        Datacenter source = a.datacenter();
        MediaAsset asset = source.resolve(inv.requireParam(0));
        OriginLocator origin = source.locators(asset).stream()
                .filter(l -> LocatorWindow.of(l.start(), l.end(), s.clock().instant()).state() == LocatorWindow.State.ACTIVE)
                .findFirst().orElseThrow(() -> new AmshException("asset " + asset.name() + " has no active " + source.kind().locatorNoun() + " on a",
                        "publish it first: publish " + asset.name()));
        // the path every URL of the locator shares, on either kind: /{GUID}/{name}.ism/manifest
        String path = source.paths(origin).stream().filter(p -> p.endsWith(".ism/manifest")).findFirst()
                .orElseThrow(() -> new AmshException("asset " + asset.name() + " has no .ism to stream", "encode it first: encode " + asset.name()));
        source.checkStreaming();
        Path chromium;
        try {
            chromium = Chromium.locate(line -> s.console().err().println("amsh: " + line));
        } catch (BrowserUnavailable e) {
            throw new AmshException(e.getMessage(), "then run the drill again");
        }
        if (b.datacenter().locator(origin.guid()).isEmpty()) {
            s.console().out().println("b lacks locator " + origin.id() + ": failing " + asset.name() + " over first");
            new DatacenterFailover(s.clock()).run(a, b, asset.id() != null ? asset.id() : asset.name(),
                    new DatacenterFailover.Options(false, false, CopyOptions.defaults()),
                    step -> s.console().out().println(s.redactor().redact(step.line())), p -> { }, s.cancellation());
        }
        b.datacenter().checkStreaming();
        Map<String, String> settings = new LinkedHashMap<>(DRILL_PROBES);
        settings.put("mode", mode.word());
        FrontStatus drilling = FrontCommands.status(dataDir, FrontCommands.query(settings));
        DrillPlan plan = new DrillPlan(format.manifestUrl(drilling.url() + path), format, mode.word(), "a", failAfter, total,
                drilling.settings().expectedRedirectDelay());
        s.console().out().println("playing " + plan.frontManifestUrl() + " for " + Durations.format(total) + "; a goes down at "
                + Durations.format(failAfter));
        DrillReport report;
        try (PlayerPage page = new PlayerPage(PlayerScripts.install(s.toolsDir(),
                line -> s.console().err().println("amsh: " + line)), 0)) {
            report = new Drill(chromium, page, s.clock()).run(plan, hooks(), line -> s.console().out().println(line));
        } finally {
            restore(before);
        }
        Path html = inv.get(OUT) != null ? inv.get(OUT)
                : s.runsDir().resolve("drill-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(s.clock().instant()) + ".html");
        TimelinePage.write(report, html);
        TextView view = new TextView(report.describe() + "\ntimeline: " + html.toAbsolutePath(), report);
        return report.continued() ? view : new FailingResult(view, new AmshException("playback did not continue from b",
                "open the timeline: " + html.toAbsolutePath()));
    }

    private DrillHooks hooks() {
        return new DrillHooks() {
            @Override
            public void takeDown(String datacenter) {
                LocalCommands.control(dataDir, "/stop/" + datacenter);
            }

            @Override
            public void bringUp(String datacenter) {
                LocalCommands.control(dataDir, "/start/" + datacenter);
            }

            @Override
            public Optional<Instant> degradedSince(String datacenter) {
                return FrontCommands.status(dataDir, null).endpoints().stream()
                        .filter(h -> h.name().equals(datacenter) && !h.online()).map(EndpointHealth::changedAt).findFirst();
            }
        };
    }

    /** The front as it was; a drill that cannot restore it says so, and fails. */
    private void restore(FrontStatus before) {
        try {
            FrontCommands.status(dataDir, FrontCommands.query(before.settings().describe()));
        } catch (RuntimeException e) {
            throw new AmshException("the drill could not restore the front's settings: " + e.getMessage(),
                    "set them again with 'front set' (see 'front status')");
        }
    }
}
