package dev.amsh.emulator.rest;

/** An error the emulated service answers with: HTTP status, OData error code and message. */
public final class ServiceError extends RuntimeException {
    private final int status;
    private final String code;

    public ServiceError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public ServiceError(int status, String message) {
        this(status, "", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
