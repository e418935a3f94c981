package dev.amsh.shell;

import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.PublishedSample;
import dev.amsh.error.AmshException;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.Publishing;
import dev.amsh.shell.render.TextView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shell on a mixed local pair (a v2, b v3): the same verbs on b through the seam, failover a → b keeping the
 * path, endpoints stop/start with a stopped endpoint said by publish, and what v3 has not (fileinfos, sas rm).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V3ShellTest {
    LocalPair pair;
    ShellFixture shell;
    PublishedSample sample;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("amsh-v3shell");
        pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3))).start();
        shell = new ShellFixture(pair);
        sample = PublishedSample.encodeAndPublish(pair, "a", Files.createDirectories(data.resolve("enc")), 3);
    }

    @AfterAll
    void stop() throws Exception {
        pair.close();
    }

    static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void failoverFromV2ToV3ThenTheV3VerbsShowIt() throws Exception {
        TextView done = (TextView) shell.session.execute("failover " + sample.outputAssetId() + " --from a --to b");
        DatacenterFailover.Result r = (DatacenterFailover.Result) done.value();
        String steps = shell.take();
        assertTrue(steps.contains("CreateFileInfos on b: v3: not needed on v3"), steps);
        assertTrue(steps.contains("streaming locator with streamingLocatorId " + r.sourceLocator().guid()), steps);
        assertEquals(r.originalUrl().replaceFirst("^[a-z]+://[^/]+", ""), r.replicatedUrl().replaceFirst("^[a-z]+://[^/]+", ""));
        assertEquals(200, status(r.replicatedUrl()));

        @SuppressWarnings("unchecked")
        List<MediaAsset> assets = (List<MediaAsset>) shell.session.execute("assets ls --on b --name " + r.target().name());
        assertEquals(List.of(r.target().name()), assets.stream().map(MediaAsset::name).toList());
        @SuppressWarnings("unchecked")
        List<MediaFile> files = (List<MediaFile>) shell.session.execute("files ls " + r.target().name() + " --on b");
        assertTrue(files.stream().anyMatch(f -> f.name().endsWith(".ism")), String.valueOf(files));
        TextView locators = (TextView) shell.session.execute("locators ls " + r.target().name() + " --on b");
        assertTrue(locators.text().contains(r.sourceLocator().guid().toString()), locators.text());
        assertEquals(List.of(r.sourceLocator().guid()), ((List<?>) locators.value()).stream()
                .map(l -> ((OriginLocator) l).guid()).toList());

        TextView again = (TextView) shell.session.execute("locator clone " + r.sourceLocator().id() + " --to b --asset "
                + r.target().name());
        assertEquals(r.targetLocator().guid(), ((OriginLocator) again.value()).guid(), "already there: the same locator");
        shell.session.execute("assets create other-" + r.target().name() + " --on b");
        AmshException elsewhere = assertThrows(AmshException.class, () -> shell.session.execute("locator clone "
                + r.sourceLocator().id() + " --to b --asset other-" + r.target().name()));
        assertTrue(elsewhere.oneLine().startsWith("locator " + r.sourceLocator().guid() + " already exists on b for another asset"),
                elsewhere.oneLine());

        TextView fileinfos = (TextView) shell.session.execute("fileinfos " + r.target().name() + " --on b");
        assertTrue(fileinfos.text().contains("v3 needs no CreateFileInfos"), fileinfos.text());
        AmshException sasRm = assertThrows(AmshException.class, () -> shell.session.execute("sas rm x --on b"));
        assertTrue(sasRm.oneLine().contains("cannot be revoked"), sasRm.oneLine());
    }

    @Test
    void aStoppedEndpointServesNothingAndPublishSaysHowToStartIt() throws Exception {
        TextView stopped = (TextView) shell.session.execute("endpoints stop --on b");
        assertEquals("Stopped", ((EndpointState) stopped.value()).resourceState());
        assertTrue(shell.take().contains("default: Stopping"), "progress is printed");
        try {
            shell.session.execute("assets create v3shell-" + System.nanoTime() % 100000 + " --on b");
            @SuppressWarnings("unchecked")
            List<MediaAsset> all = (List<MediaAsset>) shell.session.execute("assets ls --on b --name v3shell-*");
            TextView published = (TextView) shell.session.execute("publish " + all.get(0).name() + " --on b");
            Publishing.Published p = (Publishing.Published) published.value();
            assertTrue(p.urls().isEmpty());
            assertTrue(published.text().contains("start it with 'endpoints start default --on b'"), published.text());
        } finally {
            shell.session.execute("endpoints start --on b");
        }
        @SuppressWarnings("unchecked")
        List<EndpointState> eps = (List<EndpointState>) shell.session.execute("endpoints ls --on b");
        assertEquals("Running", eps.get(0).resourceState());
    }
}
