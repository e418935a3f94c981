package dev.amsh.emulator.front;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The steering rewrite and the front's settings, without a server. */
class SteeringManifestsTest {
    static final List<SteeringManifests.Pathway> PATHWAYS = List.of(
            new SteeringManifests.Pathway("a", "http://oa/g/m.ism/"), new SteeringManifests.Pathway("b", "http://ob/g/m.ism/"));

    @Test
    void hlsOffersEveryVariantOncePerPathwayWithItsOwnAudioGroup() {
        String in = """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio_128000",DEFAULT=YES,URI="QualityLevels(128000)/Manifest(audio,format=m3u8-cmaf)"
                #EXT-X-STREAM-INF:BANDWIDTH=508000,RESOLUTION=320x180,CODECS="avc1.64000C,mp4a.40.2",AUDIO="audio"
                QualityLevels(380000)/Manifest(video,format=m3u8-cmaf)
                """;
        String out = SteeringManifests.hls(in, PATHWAYS, "http://front/steering/hls");
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-CONTENT-STEERING:SERVER-URI="http://front/steering/hls",PATHWAY-ID="a"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio-a",NAME="audio_128000",DEFAULT=YES,URI="http://oa/g/m.ism/QualityLevels(128000)/Manifest(audio,format=m3u8-cmaf)"
                #EXT-X-STREAM-INF:BANDWIDTH=508000,RESOLUTION=320x180,CODECS="avc1.64000C,mp4a.40.2",AUDIO="audio-a",PATHWAY-ID="a"
                http://oa/g/m.ism/QualityLevels(380000)/Manifest(video,format=m3u8-cmaf)
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio-b",NAME="audio_128000",DEFAULT=YES,URI="http://ob/g/m.ism/QualityLevels(128000)/Manifest(audio,format=m3u8-cmaf)"
                #EXT-X-STREAM-INF:BANDWIDTH=508000,RESOLUTION=320x180,CODECS="avc1.64000C,mp4a.40.2",AUDIO="audio-b",PATHWAY-ID="b"
                http://ob/g/m.ism/QualityLevels(380000)/Manifest(video,format=m3u8-cmaf)
                """, out);
    }

    @Test
    void dashGetsABaseUrlPerServiceLocationAndTheSteeringServer() {
        String out = SteeringManifests.dash("<?xml version=\"1.0\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\">\n  <Period/>\n</MPD>\n",
                PATHWAYS, "http://front/steering/dash");
        assertTrue(out.contains("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\">\n"
                + "  <BaseURL serviceLocation=\"a\">http://oa/g/m.ism/</BaseURL>\n"
                + "  <BaseURL serviceLocation=\"b\">http://ob/g/m.ism/</BaseURL>\n"
                + "  <ContentSteering defaultServiceLocation=\"a\" queryBeforeStart=\"false\">http://front/steering/dash</ContentSteering>\n"
                + "  <Period/>"), out);
        assertEquals("{\"VERSION\":1,\"TTL\":1,\"PATHWAY-PRIORITY\":[\"b\",\"a\"]}",
                SteeringManifests.steeringResponse(List.of("b", "a"), 0), "a TTL of at least a second");
    }

    @Test
    void settingsParseTheWayPeopleTypeThemAndAreCheckedTogether() {
        FrontSettings s = FrontSettings.defaults().with(Map.of("interval", "1.5s", "timeout", "500ms", "ttl", "2m", "mode", "STEERING"));
        assertEquals(Duration.ofMillis(1500), s.interval());
        assertEquals(FrontMode.STEERING, s.mode());
        assertEquals(Map.of("mode", "steering", "probe-path", "/", "interval", "1.5s", "tolerated-failures", "3",
                "timeout", "500ms", "ttl", "2m"), s.describe());
        assertEquals(s, FrontSettings.defaults().with(s.describe()), "what describe() says reads back the same");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrontSettings.defaults().with(Map.of("interval", "2s")), "the default 5 s timeout would outlast it");
        assertEquals("the probe timeout (5s) must be shorter than the interval (2s)", e.getMessage());
        assertEquals(Duration.ofSeconds(7), FrontSettings.defaults()
                .with(Map.of("interval", "2s", "timeout", "1s", "tolerated-failures", "2", "ttl", "1s")).expectedRedirectDelay());
    }
}
