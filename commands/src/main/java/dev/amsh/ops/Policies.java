package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;

/**
 * Access policies for long-lived origin locators are reused, not created per locator: the service caps an
 * account at 1,000,000 policies and the documented procedure advises one policy per duration and permission.
 */
public final class Policies {
    private Policies() {
    }

    public static String readPolicyName(int days) {
        return "amsh read-only " + days + "d";
    }

    public static AccessPolicy reusableReadPolicy(AmsClient ams, int days) {
        String name = readPolicyName(days);
        return ams.listAccessPolicies(Query.filter("Name eq " + Query.literal(name))).stream()
                .filter(p -> p.permissions() == AccessPolicy.READ)
                .findFirst()
                .orElseGet(() -> ams.createAccessPolicy(name, days * 24.0 * 60, AccessPolicy.READ));
    }
}
