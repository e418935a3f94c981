package dev.amsh.shell;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.SampleLadder;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.StreamingUrls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** locator inspect and locators ls with windows, on the shared local pair. */
@ExtendWith(LocalPairExtension.class)
class LocatorInspectTest {
    @Test
    void aUrlIsExplainedOnBothSidesWithAVerdictAndTheNextStep(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        String name = "insp" + UUID.randomUUID().toString().substring(0, 6);
        Asset asset = PublishedAssets.make(a, name, 1);
        // a real ladder and its .ism, so the origin packages .ism/manifest as it would an encode's output
        for (var file : SampleLadder.files(pair.ffmpeg(), name).entrySet()) {
            a.storage().container(asset.containerName()).getBlobClient(file.getKey()).upload(BinaryData.fromBytes(file.getValue()), true);
        }
        a.ams().createFileInfos(asset.id());
        Locator origin = a.ams().listLocatorsOf(asset.id()).stream().filter(Locator::onDemandOrigin)
                .findFirst().orElseThrow();
        String url = StreamingUrls.manifestUrl(origin, name + ".ism");

        f.session.execute("locator inspect " + url);
        String out = f.take();
        assertTrue(out.contains("asks for " + name + ".ism (smooth)"), out);
        assertTrue(out.contains("b: no locator with this Id"), out);
        assertTrue(out.contains("verdict: b lacks locator " + origin.guid() + ": run 'failover " + name + " --from a --to b'; a serves it"), out);

        f.session.execute("replicate " + name + " --to b");
        f.take();
        f.session.execute("locator inspect " + origin.id());
        out = f.take();
        assertTrue(out.contains("verdict: every context serves it (a, b answer 200)"), out);

        // an origin locator whose window has passed: the origin answers 404, and the verdict says why
        AccessPolicy day = a.ams().createAccessPolicy("insp-1d", 24 * 60, AccessPolicy.READ);
        Locator old = a.ams().createLocator(new LocatorRequest(null, asset.id(), day.id(), Locator.ON_DEMAND_ORIGIN,
                Instant.now().minus(Duration.ofDays(4)), null));
        f.session.execute("locator inspect " + StreamingUrls.manifestUrl(old, name + ".ism"));
        out = f.take();
        assertTrue(out.contains("a answers 404 because the locator expired 3 days ago"), out);

        // not yet started: the same 404, and the verdict says when it starts
        Locator later = a.ams().createLocator(new LocatorRequest(null, asset.id(), day.id(), Locator.ON_DEMAND_ORIGIN,
                Instant.now().plus(Duration.ofHours(3)), null));
        f.session.execute("locator inspect " + StreamingUrls.manifestUrl(later, name + ".ism"));
        out = f.take();
        assertTrue(out.contains("a answers 404 because the locator starts in 2 hours") || out.contains("a answers 404 because the locator starts in 3 hours"), out);
        a.ams().deleteLocator(later.id());

        // the wrong file: the locator is fine, the name is not
        f.session.execute("locator inspect " + StreamingUrls.manifestUrl(origin, "nosuch.ism"));
        out = f.take();
        assertTrue(out.contains("a's asset " + name + " has no file nosuch.ism"), out);

        f.session.execute("locators ls " + name + " --expired");
        out = f.take();
        assertTrue(out.contains(old.id()) && out.contains("expired 3 days ago") && !out.contains(origin.id()), out);
        f.session.execute("locators ls " + name + " --expiring 31");
        out = f.take();
        assertTrue(out.contains(origin.id()) && out.contains("active") && !out.contains(old.id()), out);
        f.session.execute("locators ls " + name + " --expiring 1");
        assertTrue(f.take().contains("(no locators)"));

        // files missing on b: the .ism is there but a rung it lists is not, and b's origin says which
        AccountContext b = f.session.contexts().get("b");
        Asset replica = PublishedAssets.replicaOf(b, asset);
        b.storage().container(replica.containerName()).getBlobClient(name + "_320x180_380.mp4").delete();
        f.session.execute("locator inspect " + origin.id());
        out = f.take();
        assertTrue(out.contains("b's origin answers 404 (" + name + ".ism lists " + name + "_320x180_380.mp4, which the asset does not hold)"), out);

        // a datacenter down: its origin gives no answer, and the other still serves
        pair.datacenter("b").stop();
        try {
            f.session.execute("locator inspect " + url);
            out = f.take();
        } finally {
            pair.datacenter("b").start();
        }
        assertTrue(out.contains("a serves it"), out);
        assertTrue(out.contains("b: does not answer: ") && out.contains("b does not answer (is the datacenter down?)"), out);
    }

    @Test
    void aPolicyThatCannotBeReadOnBDoesNotTurnBsAnswerIntoNotServed(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        AccountContext b = f.session.contexts().get("b");
        String name = "insp-pol-" + UUID.randomUUID().toString().substring(0, 6);
        Asset asset = PublishedAssets.make(a, name, 1);
        f.session.execute("replicate " + name + " --to b");
        Locator origin = a.ams().listLocatorsOf(asset.id()).stream().filter(Locator::onDemandOrigin)
                .findFirst().orElseThrow();
        Locator clone = b.ams().findLocator(origin.id()).orElseThrow();
        // b's clone loses its policy: reading it answers 404, while b's origin still serves the locator
        f.session.execute("policies rm " + clone.accessPolicyId() + " --on b --force");
        f.take();
        String url = origin.path() + name + "_640x360_1150.mp4";
        pair.datacenter("a").stop();
        String out;
        try {
            f.session.execute("locator inspect " + url);
            out = f.take();
        } finally {
            pair.datacenter("a").start();
        }
        assertTrue(out.contains("policy not read ("), out);
        assertTrue(out.contains("verdict: a does not answer (is the datacenter down?); b serves it"), out);
    }
}
