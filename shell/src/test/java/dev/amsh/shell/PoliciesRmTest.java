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

/** policies rm, and cleanup finding the policy a SAS locator deleted on its own leaves behind. */
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
        String policy = a.ams().getLocator(sas.locatorId()).accessPolicyId();

        AmshException used = assertThrows(AmshException.class, () -> f.session.execute("policies rm " + policy));
        assertTrue(used.getMessage().contains("is used by 1 locator(s): " + sas.locatorId()), used.getMessage());
        assertTrue(used.hint().contains("'sas rm'") && used.hint().contains("--force"), used.hint());
        assertTrue(exists(a, policy), "a refusal changes nothing");

        // 'locators rm' refuses a SAS locator (it would leave the policy); a client that deletes the locator alone does
        AmshException sasLocator = assertThrows(AmshException.class, () -> f.session.execute("locators rm " + sas.locatorId()));
        assertEquals("locator " + sas.locatorId() + " on a is a SAS locator; nothing was removed ('sas rm " + sas.locatorId()
                + " --on a' removes it with its access policy)", sasLocator.oneLine());
        a.ams().deleteLocator(sas.locatorId());
        assertTrue(exists(a, policy));
        f.session.execute("cleanup --dry-run");
        String out = f.take();
        assertTrue(out.contains("would remove unused policy") && out.contains(policy) && out.contains("'amsh sas read "), out);
        assertTrue(exists(a, policy), "a dry run changes nothing");
        f.session.execute("cleanup");
        out = f.take();
        assertTrue(out.contains("removed      unused policy") && out.contains(policy), out);
        assertFalse(exists(a, policy), "cleanup removed the orphaned policy");

        // --force removes a policy in use, and names who still uses it
        SasCommands.SasResult second = (SasCommands.SasResult) Session.unwrap(f.session.execute("sas read " + asset.id()));
        f.take();
        String secondPolicy = a.ams().getLocator(second.locatorId()).accessPolicyId();
        f.session.execute("policies rm " + secondPolicy + " --force");
        out = f.take();
        assertTrue(out.contains("deleted access policy " + secondPolicy) && out.contains("still named by locator(s) " + second.locatorId()), out);
        assertFalse(exists(a, secondPolicy));
        a.ams().deleteLocator(second.locatorId());

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
