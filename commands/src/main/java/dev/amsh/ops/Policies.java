package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Access policies for long-lived origin locators are reused, not created per locator: the service caps an
 * account at 1,000,000 policies and the documented procedure advises one policy per duration and permission.
 */
public final class Policies {
    public static final String READ_POLICY_PREFIX = "amsh read-only ";

    private Policies() {
    }

    public static String readPolicyName(int days) {
        return READ_POLICY_PREFIX + days + "d";
    }

    /**
     * The read-only policy of that many days: the existing one (the oldest, should a lost answer ever have
     * made two), else a new one, looked up again before any second create.
     */
    /** The reusable read policy of whole days that covers {@code from} to {@code to} (no end: 100 days). */
    public static AccessPolicy readPolicyCovering(AmsClient ams, Instant from, Instant to) {
        long seconds = to == null ? Duration.ofDays(100).toSeconds() : Duration.between(from, to).toSeconds();
        return reusableReadPolicy(ams, (int) Math.max(1, (seconds + 86_399) / 86_400));
    }

    public static AccessPolicy reusableReadPolicy(AmsClient ams, int days) {
        String name = readPolicyName(days);
        return Outcomes.findOrCreate(() -> find(ams, name),
                () -> ams.createAccessPolicy(name, days * 24.0 * 60, AccessPolicy.READ));
    }

    /**
     * The read-only policy of exactly that many seconds (whole days share the {@code Nd} policies), so a locator
     * made with it and the original's start gets the original's expiry in one call.
     */
    public static AccessPolicy exactReadPolicy(AmsClient ams, long seconds) {
        if (seconds % 86_400 == 0) {
            return reusableReadPolicy(ams, (int) (seconds / 86_400));
        }
        String name = READ_POLICY_PREFIX + seconds + "s";
        return Outcomes.findOrCreate(() -> find(ams, name),
                () -> ams.createAccessPolicy(name, seconds / 60.0, AccessPolicy.READ));
    }

    private static Optional<AccessPolicy> find(AmsClient ams, String name) {
        return ams.listAccessPolicies(Query.filter("Name eq " + Query.literal(name))).stream()
                .filter(p -> p.grantsExactly(AccessPolicy.READ))
                .min(Comparator.comparing(AccessPolicy::created, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(AccessPolicy::id));
    }
}
