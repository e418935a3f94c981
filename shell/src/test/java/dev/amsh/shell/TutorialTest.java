package dev.amsh.shell;

import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.*;

/** The tutorial walks the whole procedure on the local pair, and a new session resumes where the last one left. */
@ExtendWith(LocalPairExtension.class)
class TutorialTest {
    @Test
    void walksEveryStepAndResumesInANewSession(LocalPair pair) throws Exception {
        ShellFixture first = new ShellFixture(pair);
        first.session.execute("tutorial reset");
        first.take();
        first.session.execute("tutorial");
        assertTrue(first.take().startsWith("step 1 of 10: Upload a mezzanine file into datacenter a"));
        for (int i = 0; i < 3; i++) {
            first.session.execute("tutorial next");
        }
        String three = first.take();
        assertTrue(three.contains("a: +1 asset, +1 blob, +1 file"), "upload changed a: " + three);
        assertTrue(three.contains("  [a] POST http://127.0.0.1:"), "each step shows its HTTP calls");
        assertFalse(first.session.tracing(), "trace is restored after the step");

        ShellFixture second = new ShellFixture(pair);
        second.session.execute("tutorial");
        assertTrue(second.take().startsWith("step 4 of 10: Read SAS locator on the source"), "resumed at step 4");
        for (int i = 3; i < 10; i++) {
            second.session.execute("tutorial next");
        }
        String rest = second.take();
        assertTrue(rest.contains("b: +10 blobs"), "the copy step shows the blobs it made: " + rest);
        assertTrue(rest.contains("b: +10 files"), "CreateFileInfos registered them");
        assertTrue(rest.contains("a: -1 locator, -1 access policy"), "the SAS locators went");
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
