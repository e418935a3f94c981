package dev.amsh.shell;

import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.shell.commands.SasCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** policies rm, and cleanup finding the policy a 'sas read' then 'locators rm' leaves behind. */
@ExtendWith(LocalPairExtension.class)
class PoliciesRmTest {
    static boolean exists(AccountContext c, String policyId) {
        try {
            c.ams().getAccessPolicy(policyId);
            return true;
        } catch (AmsServiceException e) {
            assertTrue(e.isNotFound(), e.getMessage());
            return false;
        }
    }

    @Test
    void aPolicyInUseIsRefusedWithItsLocatorsAndAnOrphanedOneIsFoundByCleanup(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        Asset asset = PublishedAssets.make(a, "pol-" + UUID.randomUUID().toString().substring(0, 6), 1);
        SasCommands.SasResult sas = (SasCommands.SasResult) Session.unwrap(f.session.execute("sas read " + asset.id()));
        f.take();

        AmshException used = assertThrows(AmshException.class, () -> f.session.execute("policies rm " + sas.policyId()));
        assertTrue(used.getMessage().contains("is used by 1 locator(s): " + sas.locatorId()), used.getMessage());
        assertTrue(used.hint().contains("'sas rm'") && used.hint().contains("--force"), used.hint());
        assertTrue(exists(a, sas.policyId()), "a refusal changes nothing");

        // what 'help sas read' used to advise: the locator goes, its policy stays behind
        f.session.execute("locators rm " + sas.locatorId());
        f.take();
        assertTrue(exists(a, sas.policyId()));
        f.session.execute("cleanup --dry-run");
        String out = f.take();
        assertTrue(out.contains("would remove unused policy") && out.contains(sas.policyId()) && out.contains("'amsh sas read "), out);
        assertTrue(exists(a, sas.policyId()), "a dry run changes nothing");
        f.session.execute("cleanup");
        out = f.take();
        assertTrue(out.contains("removed      unused policy") && out.contains(sas.policyId()), out);
        assertFalse(exists(a, sas.policyId()), "cleanup removed the orphaned policy");

        // --force removes a policy in use, and names who still uses it
        SasCommands.SasResult second = (SasCommands.SasResult) Session.unwrap(f.session.execute("sas read " + asset.id()));
        f.take();
        f.session.execute("policies rm " + second.policyId() + " --force");
        out = f.take();
        assertTrue(out.contains("deleted access policy " + second.policyId()) && out.contains("still named by locator(s) " + second.locatorId()), out);
        assertFalse(exists(a, second.policyId()));
        f.session.execute("locators rm " + second.locatorId());

        // an unused policy goes at once; unknown and malformed Ids are one-line refusals
        AccessPolicy spare = a.ams().createAccessPolicy("spare " + UUID.randomUUID(), 60, AccessPolicy.READ);
        f.session.execute("policies rm " + spare.id());
        assertTrue(f.take().contains("deleted access policy " + spare.id() + " ('spare "));
        assertFalse(exists(a, spare.id()));
        String unknown = "nb:pid:UUID:" + UUID.randomUUID();
        AmshException none = assertThrows(AmshException.class, () -> f.session.execute("policies rm " + unknown));
        assertEquals("no access policy " + unknown + " on a ('policies ls --on a' lists them)", none.oneLine());
        AmshException bad = assertThrows(AmshException.class, () -> f.session.execute("policies rm nonsense"));
        assertFalse(bad.oneLine().contains("\n"), bad.oneLine());
    }

    @Test
    void helpSasReadPointsToSasRm(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        f.session.execute("help sas read");
        String out = f.take();
        assertTrue(out.contains("Remove it with 'sas rm LOCATOR' when done (the locator and its access policy)"), out);
    }
}
