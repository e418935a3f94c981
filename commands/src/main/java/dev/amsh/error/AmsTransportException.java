package dev.amsh.error;

/**
 * A Media Services call got no answer: the connection failed, was reset, or timed out. {@link #mayHaveApplied()}
 * says whether the request can have reached the service, in which case a write must be looked up, not re-sent.
 */
public class AmsTransportException extends AmshException {
    private final boolean mayHaveApplied;

    public AmsTransportException(String message, String hint, Throwable cause, boolean mayHaveApplied) {
        super(message, hint, cause);
        this.mayHaveApplied = mayHaveApplied;
    }

    public boolean mayHaveApplied() {
        return mayHaveApplied;
    }
}
