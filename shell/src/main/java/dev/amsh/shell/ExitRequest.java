package dev.amsh.shell;

/** Thrown by {@code exit}; the REPL, {@code -c} and scripts end with its status. */
public final class ExitRequest extends RuntimeException {
    private final int status;

    public ExitRequest(int status) {
        super("exit " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
