package dev.amsh.error;

/**
 * The one exception family amsh shows to people: a message saying what went wrong and a hint saying
 * what to do next. The shell prints {@link #oneLine()}; trace/--debug show the cause.
 */
public class AmshException extends RuntimeException {
    private final String hint;

    public AmshException(String message, String hint) {
        this(message, hint, null);
    }

    public AmshException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    public String hint() {
        return hint;
    }

    /** What was wrong, then what to do next, on one line. */
    public String oneLine() {
        return hint.isEmpty() ? getMessage() : getMessage() + " (" + hint + ")";
    }
}
