package dev.amsh.emulator.rest;

/**
 * The named errors the emulated service answers with, each with its status and OData error code in one place,
 * so that every refusal carries a code a client can branch on.
 */
public final class ServiceErrors {
    private ServiceErrors() {
    }

    /** A request the service cannot act on as sent (a missing or invalid value, a rule it breaks). */
    public static ServiceError badRequest(String message) {
        return new ServiceError(400, "BadRequest", message);
    }

    /** A body that is not JSON or Atom the service can read, or a value of the wrong type. */
    public static ServiceError badBody(String message) {
        return new ServiceError(400, "InvalidRequestBody", message);
    }

    /** A header the service requires is missing or holds an unsupported value. */
    public static ServiceError badHeader(String message) {
        return new ServiceError(400, "InvalidHeaderValue", message);
    }

    public static ServiceError unauthorized(String message) {
        return new ServiceError(401, "AuthenticationFailed", message);
    }

    /** An entity, entity set, navigation or property that does not exist. */
    public static ServiceError notFound(String message) {
        return new ServiceError(404, "ResourceNotFound", message);
    }

    public static ServiceError methodNotAllowed(String message) {
        return new ServiceError(405, "MethodNotAllowed", message);
    }

    /** A caller-chosen Id already in use, or a limit reached (five locators per asset). */
    public static ServiceError conflict(String message) {
        return new ServiceError(409, "Conflict", message);
    }

    public static ServiceError internal(String message) {
        return new ServiceError(500, "InternalError", message);
    }
}
