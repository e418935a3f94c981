package dev.amsh.emulator.arm;

/** An ARM error answer: its status and the {@code {"error":{"code","message"}}} body, named by condition. */
public final class ArmError extends RuntimeException {
    private final int status;
    private final String code;

    ArmError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The body and code AMS answered for a missing asset or locator (not ARM's ResourceNotFound). */
    static ArmError notFound() {
        return new ArmError(404, "NotFound", "The requested resource was not found.");
    }

    static ArmError conflict(String message) {
        return new ArmError(409, "Conflict", message);
    }

    static ArmError badRequest(String message) {
        return new ArmError(400, "BadRequest", message);
    }

    static ArmError invalidApiVersion(String version) {
        return new ArmError(400, "InvalidApiVersionParameter", version == null || version.isBlank()
                ? "The api-version query parameter (?api-version=) is required for all requests."
                : "The api-version '" + version + "' is invalid. The supported versions are '"
                + String.join(",", ArmApi.API_VERSIONS) + "'.");
    }

    static ArmError unauthorized(String code, String message) {
        return new ArmError(401, code, message);
    }

    static ArmError methodNotAllowed(String method) {
        return new ArmError(405, "MethodNotAllowed", "The HTTP method '" + method + "' is not supported here.");
    }

    static ArmError noRoute(String path) {
        return new ArmError(404, "NoRegisteredProviderFound", "No route for '" + path + "'.");
    }
}
