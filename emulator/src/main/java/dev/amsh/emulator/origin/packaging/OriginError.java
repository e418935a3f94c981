package dev.amsh.emulator.origin.packaging;

/** An answer of the origin other than the content: its status and one line saying why. */
public final class OriginError extends RuntimeException {
    private final int status;

    private OriginError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static OriginError notFound(String what) {
        return new OriginError(404, what);
    }

    /** The streaming endpoint is not running: nothing is served until it is started. */
    public static OriginError unavailable(String why) {
        return new OriginError(503, why);
    }

    public static OriginError badRequest(String what) {
        return new OriginError(400, what);
    }

    /** The asset's media cannot be packaged (not MP4, GOPs not aligned): nothing the request could change. */
    public static OriginError cannotPackage(String what) {
        return new OriginError(415, what);
    }
}
