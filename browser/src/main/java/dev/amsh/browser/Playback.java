package dev.amsh.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stream playing in headless chromium, driven by Playwright: the player page opened on a manifest URL, every
 * media response recorded as it arrives, and the video element sampled on request. Playwright is not
 * thread-safe: one thread drives a playback.
 */
public final class Playback implements AutoCloseable {
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required", "--mute-audio");

    /** the header the pair's origins (and its front) name the serving datacenter in */
    private static final String SERVED_BY = "x-amsh-origin";

    private final Playwright playwright;
    private final Browser browser;
    private final Page page;
    private final Clock clock;
    private final long startedAt;
    private final List<MediaFetch> fetches = new ArrayList<>();

    private Playback(Playwright playwright, Browser browser, Page page, Clock clock) {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    /** Opens {@code pageUrl} (a {@link PlayerPage} URL) in chromium at {@code chromium}. */
    public static Playback open(Path chromium, String pageUrl, Clock clock) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium).setHeadless(true).setArgs(FLAGS));
            Page page = browser.newPage();
            Playback playback = new Playback(playwright, browser, page, clock);
            String pageOrigin = pageUrl.substring(0, pageUrl.indexOf("/player.html"));
            page.onResponse(r -> {
                if (!r.url().startsWith(pageOrigin)) {
                    playback.fetches.add(new MediaFetch(clock.millis() - playback.startedAt, r.url(), r.status(),
                            r.headers().getOrDefault(SERVED_BY, "")));
                }
            });
            // routing turns the browser's HTTP cache off: a looped clip is fetched again, from whichever origin serves now
            page.route(url -> !url.startsWith(pageOrigin), route -> route.resume());
            // a request with no answer at all (connection refused): status 0
            page.onRequestFailed(r -> playback.fetches.add(new MediaFetch(clock.millis() - playback.startedAt, r.url(), 0, "")));
            page.navigate(pageUrl);
            return playback;
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** Lets the page run for {@code millis} (events are delivered meanwhile), then samples the video element. */
    public PlaybackSample sampleAfter(long millis) {
        page.waitForTimeout(millis);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) page.evaluate("() => window.amsh.sample()");
        @SuppressWarnings("unchecked")
        List<String> errors = (List<String>) s.get("errors");
        return new PlaybackSample(clock.millis() - startedAt, number(s.get("position")), (long) number(s.get("decodedFrames")),
                (long) number(s.get("droppedFrames")), number(s.get("bufferAhead")), Boolean.TRUE.equals(s.get("paused")),
                Boolean.TRUE.equals(s.get("ended")), List.copyOf(errors), (int) number(s.get("warnings")));
    }

    /** Milliseconds since the page opened: the time base of samples and responses. */
    public long elapsedMillis() {
        return clock.millis() - startedAt;
    }

    /** When the page opened, as an instant: to place other clocks' events on the playback's time base. */
    public long startedAtEpochMillis() {
        return startedAt;
    }

    /** The media responses so far, in arrival order. */
    public List<MediaFetch> fetches() {
        return List.copyOf(fetches);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
