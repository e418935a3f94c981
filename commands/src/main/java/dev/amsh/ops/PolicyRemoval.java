package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.ams.model.Locator;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;

import java.util.List;

/**
 * {@code policies rm}: one access policy, refused while a locator uses it (a locator without its policy is one that
 * nothing can renew or explain), unless forced. The locators that use it are named either way.
 */
public final class PolicyRemoval {
    /** The policy removed, and the locators that still named it (only when forced). */
    public record Removed(String context, AccessPolicy policy, List<Locator> users) {
    }

    private PolicyRemoval() {
    }

    public static Removed run(AmsClient ams, String context, String policyId, boolean force) {
        String id = EntityIds.normalize("pid", policyId);
        AccessPolicy policy;
        try {
            policy = ams.getAccessPolicy(id);
        } catch (AmsServiceException e) {
            if (e.isNotFound()) {
                throw new AmshException("no access policy " + id + " on " + context, "'policies ls --on " + context + "' lists them");
            }
            throw e;
        }
        List<Locator> users = ams.listLocators(Query.all()).stream().filter(l -> id.equalsIgnoreCase(l.accessPolicyId())).toList();
        if (!users.isEmpty() && !force) {
            throw new AmshException("access policy " + id + (policy.name() == null ? "" : " ('" + policy.name() + "')") + " is used by "
                    + users.size() + " locator(s): " + String.join(", ", users.stream().map(Locator::id).toList()),
                    "remove them first ('sas rm' for a SAS locator, 'locators rm'), or give --force to remove the policy anyway");
        }
        ams.deleteAccessPolicy(id);
        return new Removed(context, policy, users);
    }
}
