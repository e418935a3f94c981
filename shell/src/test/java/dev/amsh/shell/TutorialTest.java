package dev.amsh.shell;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.LocalService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The tutorial walks the whole procedure on the local pair, and a new session resumes where the last one left.
 * The pair runs as a service: the last step's drill takes a datacenter down through its control endpoint.
 */
class TutorialTest {
    @Test
    void walksEveryStepAndResumesInANewSession(@TempDir Path data) throws Exception {
        Set<String> temporaries = TemporaryFilesTest.temporaries();
        try (LocalService service = new LocalService(LocalPair.Options.at(data, LocalPairExtension.toolsDir()),
                data.resolve(LocalService.ENDPOINTS_FILE)).start()) {
            walk(service.pair(), data);
        }
        assertEquals(Set.of(), TemporaryFilesTest.leftSince(temporaries), "no sample, drill page or other file left in the temp folder");
    }

    private void walk(LocalPair pair, Path data) throws Exception {
        ShellFixture first = new ShellFixture(pair, null, data);
        first.session.execute("tutorial reset");
        first.take();
        first.session.execute("tutorial");
        assertTrue(first.take().startsWith("step 1 of 11: Upload a mezzanine file into datacenter a"));
        for (int i = 0; i < 3; i++) {
            first.session.execute("tutorial next");
        }
        String three = first.take();
        assertTrue(three.contains("a: +1 asset, +1 blob, +1 file"), "upload changed a: " + three);
        assertTrue(three.contains("  [a] POST http://127.0.0.1:"), "each step shows its HTTP calls");
        assertFalse(first.session.tracing(), "trace is restored after the step");

        ShellFixture second = new ShellFixture(pair, null, data);
        second.session.execute("tutorial");
        assertTrue(second.take().startsWith("step 4 of 11: Read SAS locator on the source"), "resumed at step 4");
        for (int i = 3; i < 11; i++) {
            second.session.execute("tutorial next");
        }
        String rest = second.take();
        assertTrue(rest.contains("b: +10 blobs"), "the copy step shows the blobs it made: " + rest);
        assertTrue(rest.contains("b: +10 files"), "CreateFileInfos registered them");
        assertTrue(rest.contains("a: -1 locator, -1 access policy"), "the SAS locators went");
        assertTrue(rest.contains("playback continued from b"), "the payoff: " + rest);
        assertTrue(pair.datacenter("a").running(), "the drill brought a back up");
        second.session.execute("tutorial");
        String done = second.take();
        assertTrue(done.startsWith("tutorial done: http://127.0.0.1:"), done);
        String replica = done.substring("tutorial done: ".length(), done.indexOf(" is the replica"));
        HttpResponse<String> manifest = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(replica + "amsh_sample.ism/manifest")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, manifest.statusCode());
        assertTrue(manifest.body().contains("<SmoothStreamingMedia"));
    }
}
