package dev.amsh.error;

/**
 * Getting a token failed: the token endpoint could not be reached ({@link #reached()} false), or it refused the
 * credentials or answered oddly. Nothing was sent to Media Services, so no write can have applied.
 */
public class SignInException extends AmshException {
    private final boolean reached;

    public SignInException(String message, String hint, Throwable cause, boolean reached) {
        super(message, hint, cause);
        this.reached = reached;
    }

    /** Whether the token endpoint answered at all (false: unreachable, as when a datacenter is down). */
    public boolean reached() {
        return reached;
    }
}
