package dev.amsh.ops;

import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.AmshException;
import dev.amsh.error.SignInException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** What locator inspect reads out of what people paste. */
class LocatorInspectionTest {
    static final String GUID = "0b3c2a55-9f7e-4d43-8a1e-5c7f0e2d9a10";

    @Test
    void aManifestUrlGivesTheGuidTheFileAndTheFormat() {
        LocatorInspection.Target t = LocatorInspection.parse("http://127.0.0.1:8080/" + GUID.toUpperCase()
                + "/movie.ism/manifest(format=m3u8-aapl)");
        assertEquals(GUID, t.guid());
        assertEquals("127.0.0.1:8080", t.host());
        assertEquals("movie.ism", t.file());
        assertEquals("m3u8-aapl", t.format());
        assertEquals("smooth", LocatorInspection.parse("http://o/" + GUID + "/movie.ism/Manifest").format());
        assertNull(LocatorInspection.parse("http://o/" + GUID + "/movie_640.mp4").format());
    }

    @Test
    void aLocatorIdOrABareGuidIsALocatorAndAnythingElseIsRefused() {
        assertEquals(GUID, LocatorInspection.parse("nb:lid:UUID:" + GUID).guid());
        assertNull(LocatorInspection.parse(GUID).file());
        assertThrows(AmshException.class, () -> LocatorInspection.parse("http://o/movie.ism/manifest"));
        assertThrows(AmshException.class, () -> LocatorInspection.parse("movie"));
        assertThrows(AmshException.class, () -> LocatorInspection.parse("nb:cid:UUID:" + GUID + "x"));
    }

    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    static final LocatorInspection.Target TARGET = LocatorInspection.parse("http://o/" + GUID + "/movie.ism/manifest");

    static LocatorInspection.Side holding(String context, Instant start, String answer) {
        OriginLocator l = new OriginLocator(UUID.fromString(GUID), "nb:lid:UUID:" + GUID, "movie", "nb:cid:UUID:1", start,
                NOW.plus(Duration.ofDays(30)), null, List.of());
        MediaAsset asset = new MediaAsset("nb:cid:UUID:1", "movie", "asset-1", null, false, NOW, "Initialized", "None");
        return new LocatorInspection.Side(context, l, "OnDemandOrigin", asset, false, "read", LocatorWindow.of(start, l.end(), NOW),
                true, List.of(), null, "http://" + context + "/" + GUID + "/movie.ism/manifest", answer, null, null, false, null);
    }

    static LocatorInspection.Side with(LocatorInspection.Side s, MediaAsset asset, boolean gone, EndpointState endpoint,
                                       String answer, String unread) {
        return new LocatorInspection.Side(s.context(), s.locator(), s.type(), asset, gone, s.policy(), s.window(), s.fileExists(),
                s.paths(), endpoint, s.originUrl(), answer, null, null, false, unread);
    }

    @Test
    void aContextWhoseOriginAnswers200ServesItWhateverItsWindowLooksLikeFromHere() {
        // b's clone starts a second after this clock's now (clocks differ by a little): its origin serves it already
        LocatorInspection.Side a = LocatorInspection.Side.unreadable("a", new AmsTransportException(
                "context a: cannot sign in: cannot reach token endpoint 127.0.0.1:1", "", null, false));
        LocatorInspection.Side b = holding("b", NOW.plusSeconds(1), "200");
        String v = LocatorInspection.verdict(TARGET, List.of(a, b));
        assertEquals("a does not answer (is the datacenter down?); b serves it", v);
        assertEquals("cannot sign in: cannot reach token endpoint 127.0.0.1:1", a.problem());

        // the same window with a 404 is explained by the window, and then nothing serves
        v = LocatorInspection.verdict(TARGET, List.of(a, holding("b", NOW.plus(Duration.ofHours(2)), "404")));
        assertTrue(v.startsWith("a does not answer (is the datacenter down?); b answers 404 because the locator starts in"), v);
        assertTrue(v.endsWith("; no context serves it now"), v);
    }

    @Test
    void anUnrelatedContextThatRefusesSignInIsNamedAndTheOthersStillServe() {
        LocatorInspection.Side c = LocatorInspection.Side.unreadable("c", new SignInException(
                "context c: cannot sign in: sign-in refused by login.example (HTTP 401)", "", null, true));
        String v = LocatorInspection.verdict(TARGET, List.of(holding("a", NOW.minusSeconds(60), "200"), holding("b", NOW.minusSeconds(60), "200"), c));
        assertEquals("c could not be read (cannot sign in: sign-in refused by login.example (HTTP 401)); a and b serve it", v);
        assertFalse(c.down());
    }

    @Test
    void aContextWhosePolicyCouldNotBeReadStillServesByItsOriginsAnswer() {
        LocatorInspection.Side full = holding("b", NOW.minusSeconds(60), "200");
        // the policy read failed (deleted, or the service throttled past its retries): the origin's 200 still counts
        LocatorInspection.Side b = with(full, full.asset(), false, null, "200", "policy not read (HTTP 404)");
        LocatorInspection.Side a = LocatorInspection.Side.unreadable("a", new AmsTransportException(
                "context a: cannot reach 127.0.0.1:1 (refused)", "", null, false));
        assertEquals("a does not answer (is the datacenter down?); b serves it", LocatorInspection.verdict(TARGET, List.of(a, b)));
        // without the asset, a lacking context is still told what to fail over
        LocatorInspection.Side noAsset = with(holding("a", NOW.minusSeconds(60), "200"), null, false, null, "200", "asset not read (HTTP 503)");
        LocatorInspection.Side lacking = LocatorInspection.Side.lacking("b");
        assertEquals("b lacks locator " + GUID + ": run 'failover nb:cid:UUID:1 --from a --to b'; a serves it",
                LocatorInspection.verdict(TARGET, List.of(noAsset, lacking)));
    }

    @Test
    void aStoppedEndpointAndAMissingAssetAreTheCausesOfTheir404s() {
        LocatorInspection.Side a = holding("a", NOW.minusSeconds(60), "200");
        LocatorInspection.Side stopped = with(holding("b", NOW.minusSeconds(60), "404"), a.asset(), false,
                new EndpointState("default", "127.0.0.1:1", "Stopped", 0), "404", null);
        assertEquals("b answers 404 because its streaming endpoint default is Stopped: start it with 'endpoints start default"
                + " --on b'; a serves it", LocatorInspection.verdict(TARGET, List.of(a, stopped)));
        // a running endpoint explains nothing: the window does (expired)
        LocatorInspection.Side expired = new LocatorInspection.Side("b", a.locator(), "streaming", a.asset(), false,
                "Predefined_ClearStreamingOnly", LocatorWindow.of(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(4)), NOW),
                true, List.of(), new EndpointState("default", "127.0.0.1:1", "Running", 0), a.originUrl(), "404", null, null, false, null);
        assertTrue(LocatorInspection.verdict(TARGET, List.of(a, expired)).startsWith("b answers 404 because the locator expired 4 days ago"));
        LocatorInspection.Side gone = with(holding("b", NOW.minusSeconds(60), "404"), null, true, null, "404", "asset not read (no asset named 'movie' on b)");
        assertEquals("b's locator names asset nb:cid:UUID:1, which b does not hold: remove the locator ('locators rm nb:lid:UUID:"
                + GUID + " --on b'), then fail over or publish again; a serves it", LocatorInspection.verdict(TARGET, List.of(a, gone)));
    }
}
