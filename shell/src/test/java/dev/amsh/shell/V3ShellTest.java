package dev.amsh.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.PublishedSample;
import dev.amsh.error.AmshException;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Leftover;
import dev.amsh.ops.Cleanup;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.ReplicaTargets;
import dev.amsh.ops.VerifyFailover;
import dev.amsh.ops.VerifyFromRecord;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

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

    /**
     * verify, locator inspect and cleanup, written once on the seam, on the v2 a → v3 b pair: both origins serve the
     * same bytes; inspect reads a (v2) and b (v3, with its endpoint and listPaths) and names b's stopped endpoint as
     * the cause of its 404; with a down, verify checks b against the replicate run's record; cleanup on b removes
     * an empty replica of amsh's making and nothing else.
     */
    @Test
    void verifyInspectAndCleanupOnAV2ToV3Pair() throws Exception {
        DatacenterFailover.Result r = (DatacenterFailover.Result) ((TextView) shell.session.execute(
                "failover " + sample.outputAssetId() + " --from a --to b")).value();
        shell.take();
        TextView verified = (TextView) shell.session.execute("verify " + sample.outputAssetId() + " --to b");
        VerifyFailover.Result v = (VerifyFailover.Result) verified.value();
        assertTrue(v.ok(), verified.text());
        assertTrue(v.files().size() >= 3 && v.files().stream().allMatch(f -> f.statusFrom() == 200 && f.statusTo() == 200),
                verified.text());
        assertTrue(verified.text().contains("the same bytes from both origins"), verified.text());

        TextView inspected = (TextView) shell.session.execute("locator inspect " + r.originalUrl());
        String out = inspected.text();
        assertTrue(out.contains("a: OnDemandOrigin locator on asset "), out);
        assertTrue(out.contains("b: streaming locator on asset " + r.target().name()), out);
        assertTrue(out.contains("policy Predefined_ClearStreamingOnly") && out.contains("streaming endpoint default Running"), out);
        assertTrue(out.contains("   paths /" + r.sourceLocator().guid() + "/"), "b's listPaths: " + out);
        assertTrue(out.contains("verdict: every context serves it (a, b answer 200)"), out);

        shell.session.execute("endpoints stop --on b");
        try {
            out = ((TextView) shell.session.execute("locator inspect " + r.replicatedUrl())).text();
            assertTrue(out.contains("verdict: b answers 503 because its streaming endpoint default is Stopped: start it with"
                    + " 'endpoints start default --on b'; a serves it"), out);
            AmshException stopped = assertThrows(AmshException.class,
                    () -> shell.session.execute("verify " + sample.outputAssetId() + " --to b"));
            assertTrue(stopped.oneLine().contains("streaming endpoint default on b is Stopped"), stopped.oneLine());
        } finally {
            shell.session.execute("endpoints start --on b");
            shell.take();
        }

        // a down: b against what the replicate run recorded of a
        shell.session.execute("replicate " + sample.outputAssetId() + " --to b");
        shell.take();
        pair.datacenter("a").stop();
        TextView held;
        try {
            held = (TextView) shell.session.execute("verify " + sample.outputAssetId() + " --to b");
            out = ((TextView) shell.session.execute("locator inspect " + r.replicatedUrl())).text();
        } finally {
            pair.datacenter("a").start();
        }
        assertTrue(held.text().contains("a was not asked; b is checked against what amsh recorded of a"), held.text());
        assertTrue(((VerifyFromRecord.Result) held.value()).ok(), held.text());
        assertTrue(out.contains("a: does not answer: ") && out.contains("verdict: a does not answer (is the datacenter down?); b serves it"), out);

        // cleanup on b: an empty replica of amsh's making goes; the published replica and a plain asset stay
        Datacenter b = shell.session.contexts().get("b").datacenter();
        String empty = "leftover-" + UUID.randomUUID().toString().substring(0, 6);
        String plain = "plain-" + UUID.randomUUID().toString().substring(0, 6);
        b.createAsset(empty, ReplicaTargets.marker("nb:cid:UUID:" + UUID.randomUUID()));
        b.createAsset(plain, null);
        TextView dry = (TextView) shell.session.execute("cleanup --on b --dry-run");
        assertTrue(dry.text().contains("would remove") && dry.text().contains("empty replica") && dry.text().contains(empty), dry.text());
        assertFalse(b.named(empty).isEmpty(), "a dry run changes nothing");
        TextView cleaned = (TextView) shell.session.execute("cleanup --on b");
        Cleanup.Result c = (Cleanup.Result) cleaned.value();
        assertEquals(List.of(empty), c.removed().stream().map(Leftover::name).toList(), cleaned.text());
        assertTrue(b.named(empty).isEmpty(), "removed");
        assertFalse(b.named(plain).isEmpty(), "not amsh's: left alone");
        assertFalse(b.named(r.target().name()).isEmpty(), "the published replica stays");
        assertEquals(200, status(r.replicatedUrl()));
    }

    /** Every JSON field path of a command's answer, arrays by their elements ("locators[].guid"). */
    static Set<String> fields(JsonNode n, String at, Set<String> into) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                into.add(at + e.getKey());
                fields(e.getValue(), at + e.getKey() + ".", into);
            });
        } else if (n.isArray()) {
            n.forEach(x -> fields(x, at.isEmpty() ? "[]." : at.substring(0, at.length() - 1) + "[].", into));
        }
        return into;
    }

    @Test
    void theListingsGiveTheSameFieldsAndColumnsOnV2AndOnV3() throws Exception {
        DatacenterFailover.Result r = (DatacenterFailover.Result) ((TextView) shell.session.execute("failover "
                + sample.outputAssetId() + " --from a --to b")).value();
        shell.take();
        Map<String, String> asset = Map.of("a", sample.outputAssetId(), "b", r.target().name());
        Map<String, String> name = Map.of("a", r.source().name(), "b", r.target().name());
        ObjectMapper json = new ObjectMapper();
        for (String command : List.of("assets ls --name '%s'", "assets show %s", "files ls %s", "locators ls %s",
                "publish %s", "sas read %s --hours 1", "assets create shape-%s")) {
            Map<String, Set<String>> seen = new LinkedHashMap<>();
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (String side : List.of("a", "b")) {
                String line = String.format(command, command.startsWith("assets ls") ? name.get(side)
                        : command.startsWith("assets create") ? UUID.randomUUID().toString().substring(0, 8) : asset.get(side));
                shell.session.execute(line + " --on " + side + " -o json");
                JsonNode answer = json.readTree(shell.take());
                assertTrue(answer.isArray() ? !answer.isEmpty() : answer.size() > 0, side + ": " + line + " gave " + answer);
                seen.put(side, fields(answer, "", new TreeSet<>()));
                if (answer.isArray()) {
                    shell.session.execute(line + " --on " + side + " -o tsv");
                    columns.put(side, shell.take().lines().findFirst().orElse("").split("\t", -1).length);
                }
            }
            assertEquals(seen.get("a"), seen.get("b"), command + ": the same fields on a (v2) and b (v3)");
            assertEquals(columns.get("a"), columns.get("b"), command + ": the same columns in -o tsv");
        }
    }
}
