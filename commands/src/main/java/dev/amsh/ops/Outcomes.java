package dev.amsh.ops;

import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmsTransportException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes whose answer may be lost. A POST that created something is never re-sent blindly: what it may have
 * made is looked up first (by a name or key the caller chose), and only when nothing is found is it sent again.
 */
public final class Outcomes {
    static final int ATTEMPTS = 3;
    static final java.time.Duration LOOK_AGAIN_AFTER = java.time.Duration.ofMillis(500);

    private Outcomes() {
    }

    /** Whether a failed call may nevertheless have been applied by the service. */
    public static boolean unknown(RuntimeException e) {
        return (e instanceof AmsTransportException t && t.mayHaveApplied())
                || (e instanceof AmsServiceException s && s.status() >= 500);
    }

    /**
     * The entity {@code find} sees, else one made by {@code create}; after a create whose outcome is unknown,
     * {@code find} is asked again before another create, so a lost answer never makes a second entity.
     */
    public static <T> T findOrCreate(Supplier<Optional<T>> find, Supplier<T> create) {
        for (int attempt = 1; ; attempt++) {
            Optional<T> found = find.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                return create.get();
            } catch (RuntimeException e) {
                if (!unknown(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                // a create the service is still applying is not visible yet: give it a moment before looking again
                try {
                    Thread.sleep(LOOK_AGAIN_AFTER.toMillis() * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * For a caller that already knows the entity is absent (it read the whole listing): create first, and only
     * after an unknown outcome ask {@code find} before creating again. One call when all goes well.
     */
    public static <T> T createOrFind(Supplier<T> create, Supplier<Optional<T>> find) {
        try {
            return create.get();
        } catch (RuntimeException e) {
            if (!unknown(e)) {
                throw e;
            }
            try {
                Thread.sleep(LOOK_AGAIN_AFTER.toMillis()); // let a create still being applied become visible
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw e;
            }
            return findOrCreate(find, create);
        }
    }
}
