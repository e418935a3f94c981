package dev.amsh.ops;

import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.AmshException;
import dev.amsh.error.SignInException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        Locator l = new Locator("nb:lid:UUID:" + GUID, "movie", "OnDemandOrigin", "nb:cid:UUID:1", "nb:pid:UUID:1",
                start, NOW.plus(Duration.ofDays(30)), "http://" + context + "/" + GUID + "/", null, null);
        Asset asset = new Asset("nb:cid:UUID:1", "movie", "Initialized", "None", null, null, null, "None", NOW, NOW);
        return new LocatorInspection.Side(context, l, asset, new AccessPolicy("nb:pid:UUID:1", "read", 60, "Read", NOW),
                LocatorWindow.of(l, NOW), true, l.path() + "movie.ism/manifest", answer, null, null, false, null);
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
        LocatorInspection.Side b = new LocatorInspection.Side("b", full.locator(), full.asset(), null, full.window(), true,
                full.originUrl(), "200", null, null, false, "policy not read (HTTP 404)");
        LocatorInspection.Side a = LocatorInspection.Side.unreadable("a", new AmsTransportException(
                "context a: cannot reach 127.0.0.1:1 (refused)", "", null, false));
        assertEquals("a does not answer (is the datacenter down?); b serves it", LocatorInspection.verdict(TARGET, List.of(a, b)));
        // without the asset, a lacking context is still told what to fail over
        LocatorInspection.Side noAsset = new LocatorInspection.Side("a", full.locator(), null, null, full.window(), true,
                full.originUrl(), "200", null, null, false, "asset not read (HTTP 503)");
        LocatorInspection.Side lacking = new LocatorInspection.Side("b", null, null, null, null, false, null, null, null, null, false, null);
        assertEquals("b lacks locator " + GUID + ": run 'failover nb:cid:UUID:1 --from a --to b'; a serves it",
                LocatorInspection.verdict(TARGET, List.of(noAsset, lacking)));
    }
}
