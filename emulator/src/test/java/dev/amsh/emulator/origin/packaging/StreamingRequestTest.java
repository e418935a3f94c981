package dev.amsh.emulator.origin.packaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The service's packaging URL grammar, parsed without a server. */
class StreamingRequestTest {

    @Test
    void clientManifestsInEveryFormatAndCase() {
        assertEquals(new StreamingRequest.ClientManifest("movie.ism", StreamingFormat.SMOOTH, true),
                StreamingRequest.parse("movie.ism/manifest"));
        assertEquals(StreamingFormat.SMOOTH, StreamingRequest.parse("Movie.ISM/Manifest").format());
        assertEquals(StreamingFormat.HLS, StreamingRequest.parse("movie.ism/manifest(format=m3u8-aapl)").format());
        assertEquals(StreamingFormat.HLS_CMAF, StreamingRequest.parse("movie.ism/manifest(format=M3U8-CMAF)").format());
        assertEquals(StreamingFormat.DASH, StreamingRequest.parse("movie.ism/manifest(format=mpd-time-csf).mpd").format());
        assertEquals(StreamingFormat.DASH_CMAF, StreamingRequest.parse("movie.ism/manifest(format=mpd-time-cmaf)").format());
        assertEquals(new StreamingRequest.ClientManifest("movie.ism", StreamingFormat.HLS, false),
                StreamingRequest.parse("movie.ism/manifest(format=m3u8-aapl,audio-only=false).m3u8"));
    }

    @Test
    void innerPlaylistsAndFragments() {
        assertEquals(new StreamingRequest.MediaPlaylist("m.ism", StreamingFormat.HLS, 3520000, "video"),
                StreamingRequest.parse("m.ism/QualityLevels(3520000)/Manifest(video,format=m3u8-aapl)"));
        assertEquals(new StreamingRequest.Fragment("m.ism", StreamingFormat.DASH, 128000, "audio", 20053333),
                StreamingRequest.parse("m.ism/qualitylevels(128000)/fragments(audio=20053333,format=mpd-time-csf)"));
        assertEquals(new StreamingRequest.Fragment("m.ism", StreamingFormat.HLS_CMAF, 380000, "video",
                StreamingRequest.Fragment.INIT), StreamingRequest.parse("m.ism/QualityLevels(380000)/Fragments(video=i,format=m3u8-cmaf)"));
        assertEquals(new StreamingRequest.Fragment("m.ism", StreamingFormat.SMOOTH, 380000, "video", 0),
                StreamingRequest.parse("m.ism/QualityLevels(380000)/Fragments(video=0)"));
    }

    @Test
    void badPathsSayWhatIsWrong() {
        assertEquals(400, status("m.ism/manifest(format=hls)"));
        assertEquals(400, status("m.ism/manifest(format=m3u8-aapl,audio-only=maybe)"));
        assertEquals(400, status("m.ism/manifest(filter=x)"));
        assertEquals(400, status("m.ism/QualityLevels(1)/Manifest(video,format=mpd-time-csf)"), "a playlist is HLS only");
        assertEquals(400, status("m.ism/QualityLevels(1)/Fragments(video=i)"), "Smooth has no init segment");
        assertEquals(404, status("m.ism/QualityLevels(1)/Fragments(video=-5)"));
        assertEquals(404, status("m.ism/whatever"));
        assertTrue(Packager.isPackaged("m.ism/manifest"));
        assertFalse(Packager.isPackaged("m.ism"));
        assertFalse(Packager.isPackaged("m_320x180_380.mp4"));
    }

    private static int status(String path) {
        return assertThrows(OriginError.class, () -> StreamingRequest.parse(path)).status();
    }
}
