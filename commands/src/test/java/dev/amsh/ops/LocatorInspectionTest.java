package dev.amsh.ops;

import dev.amsh.error.AmshException;
import org.junit.jupiter.api.Test;

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
}
