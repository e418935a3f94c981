package dev.amsh.shell;

import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.Publishing;
import dev.amsh.shell.commands.AssetCommands;
import dev.amsh.shell.commands.SasCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * On v2 the locators that stream and the SAS locators are listed apart (locators ls, sas ls) in the records v3
 * gives too; assets show counts both against the limit of 5; assets rm removes both; publish --id keeps a GUID.
 */
@ExtendWith(LocalPairExtension.class)
class AssetLocatorsTest {
    static List<Locator> locatorsOf(AccountContext c, Asset asset) {
        return c.ams().listLocators(Query.all()).stream().filter(l -> asset.id().equals(l.assetId())).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sasLocatorsAreListedApartCountedByShowAndRemovedWithTheAsset(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        Asset asset = PublishedAssets.make(a, "grants-" + UUID.randomUUID().toString().substring(0, 6), 1);
        SasCommands.SasResult sas = (SasCommands.SasResult) Session.unwrap(f.session.execute("sas read " + asset.id()));
        Locator made = a.ams().getLocator(sas.locatorId());
        assertEquals(made.expirationDateTime(), sas.expires(), "the expiry said is the locator's");

        List<ContainerGrant> grants = (List<ContainerGrant>) Session.unwrap(f.session.execute("sas ls " + asset.id()));
        assertEquals(List.of(sas.locatorId()), grants.stream().map(ContainerGrant::id).toList());
        assertEquals(asset.containerName(), grants.get(0).container());
        assertEquals(asset.id(), grants.get(0).asset());
        assertTrue(((List<ContainerGrant>) Session.unwrap(f.session.execute("sas ls"))).stream()
                .anyMatch(g -> g.id().equals(sas.locatorId())), "the account's listing has it too");

        List<OriginLocator> streaming = (List<OriginLocator>) Session.unwrap(f.session.execute("locators ls " + asset.id()));
        Locator origin = locatorsOf(a, asset).stream().filter(Locator::onDemandOrigin).findFirst().orElseThrow();
        assertEquals(List.of(origin.id()), streaming.stream().map(OriginLocator::id).toList(), "only the locator that streams");

        f.take();
        AssetCommands.AssetDetails shown = (AssetCommands.AssetDetails) Session.unwrap(f.session.execute("assets show " + asset.id()));
        String text = f.take();
        assertEquals(1, shown.locators().size());
        assertEquals(1, shown.grants().size());
        assertTrue(text.contains("origin locators (1)") && text.contains("SAS locators (1; 2 of 5 locators)"), text);

        AmshException unconfirmed = assertThrows(AmshException.class, () -> f.session.execute("assets rm " + asset.id()));
        assertTrue(unconfirmed.hint().contains("--yes"), unconfirmed.oneLine());
        assertEquals(2, locatorsOf(a, asset).size(), "a refusal changes nothing");

        f.session.execute("assets rm " + asset.id() + " --yes");
        assertTrue(f.take().contains("and 2 locator(s) on a"));
        AmsServiceException gone = assertThrows(AmsServiceException.class, () -> a.ams().getAsset(asset.id()));
        assertTrue(gone.isNotFound());
        assertTrue(locatorsOf(a, asset).isEmpty(), "both locators went");
        AmsServiceException policy = assertThrows(AmsServiceException.class, () -> a.ams().getAccessPolicy(made.accessPolicyId()));
        assertTrue(policy.isNotFound(), "the SAS locator's own policy went with it");
    }

    @Test
    void publishWithAnIdKeepsThatGuidOnceAndRefusesItForAnotherAsset(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        Asset first = PublishedAssets.make(a, "pubid-" + UUID.randomUUID().toString().substring(0, 6), 0);
        Asset other = PublishedAssets.make(a, "pubid-" + UUID.randomUUID().toString().substring(0, 6), 0);
        UUID guid = UUID.randomUUID();

        Publishing.Published p = (Publishing.Published) Session.unwrap(f.session.execute("publish " + first.id() + " --id " + guid));
        assertEquals(guid, p.locator().guid());
        assertTrue(p.streamingUrl().endsWith("/" + guid + "/" + first.name() + ".ism/manifest"), p.streamingUrl());
        Publishing.Published again = (Publishing.Published) Session.unwrap(f.session.execute("publish " + first.id()
                + " --id nb:lid:UUID:" + guid));
        assertEquals(p.locator().id(), again.locator().id(), "asked again: the same locator");
        assertEquals(1, locatorsOf(a, first).size(), "and no second one");

        AmshException taken = assertThrows(AmshException.class, () -> f.session.execute("publish " + other.id() + " --id " + guid));
        assertTrue(taken.getMessage().contains("already exists on a for another asset (" + first.id() + ")"), taken.oneLine());
        assertTrue(locatorsOf(a, other).isEmpty(), "a refusal makes nothing");
    }

    /**
     * assets rm with each of its deletes failing once (its answer lost, or a 500): a run either ends with
     * everything gone or fails in one line, and a re-run finishes, leaving neither a locator nor the SAS policy.
     */
    @Test
    void assetsRmWithADeleteAnswerLostOrFailedEndsCleanOnARerun(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        for (FaultKind kind : List.of(FaultKind.LOST_RESPONSE, FaultKind.INTERNAL_ERROR)) {
            for (String delete : List.of("DELETE /api/Locators", "DELETE /api/AccessPolicies", "DELETE /api/Assets")) {
                Asset asset = PublishedAssets.make(a, "rmfault-" + UUID.randomUUID().toString().substring(0, 6), 1);
                SasCommands.SasResult sas = (SasCommands.SasResult) Session.unwrap(f.session.execute("sas read " + asset.id()));
                String policy = a.ams().getLocator(sas.locatorId()).accessPolicyId();
                pair.faults().set(new FaultPlan(1.0, Set.of(kind), 1, Set.of("a"), Set.of(Surface.API), delete, 1));
                String what = kind.word() + " on " + delete;
                int injectedBefore = pair.faults().injected().size();
                try {
                    f.session.execute("assets rm " + asset.id() + " --yes");
                    assertEquals(injectedBefore + 1, pair.faults().injected().size(), what + ": the fault was injected");
                } catch (AmshException failed) {
                    assertEquals(injectedBefore + 1, pair.faults().injected().size(), what + ": the fault was injected");
                    assertFalse(failed.getMessage().contains("\n"), what + ": one line: " + failed.getMessage());
                    pair.faults().set(FaultPlan.OFF);
                    if (exists(a, asset)) {
                        f.session.execute("assets rm " + asset.id() + " --yes"); // the re-run picks up
                    }
                } finally {
                    pair.faults().set(FaultPlan.OFF);
                }
                f.take();
                assertFalse(exists(a, asset), what + ": the asset is gone");
                assertTrue(locatorsOf(a, asset).isEmpty(), what + ": no locator of it is left");
                AmsServiceException gone = assertThrows(AmsServiceException.class, () -> a.ams().getAccessPolicy(policy), what);
                assertTrue(gone.isNotFound(), what + ": the SAS locator's policy is gone");
            }
        }
    }

    static boolean exists(AccountContext c, Asset asset) {
        try {
            c.ams().getAsset(asset.id());
            return true;
        } catch (AmsServiceException e) {
            assertTrue(e.isNotFound(), e.getMessage());
            return false;
        }
    }
}
