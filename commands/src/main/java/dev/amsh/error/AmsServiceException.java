package dev.amsh.error;

/** A Media Services REST call answered with an error status; carries the status and the service's error code. */
public class AmsServiceException extends AmshException {
    private final int status;
    private final String code;

    public AmsServiceException(int status, String code, String message, String hint) {
        super(message, hint);
        this.status = status;
        this.code = code == null ? "" : code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** The hint a person needs for each status the service is known to return. */
    public static String hintFor(int status) {
        return switch (status) {
            case 400 -> "check the values given; the service rejected the request as malformed";
            case 401 -> "check the account name and key (ACS) or tenant, client id and secret (Azure AD), and that the principal has Contributor on the account";
            case 403 -> "check that the account is enabled, within quota, and that the entity belongs to this account";
            case 404 -> "check the Id; list what exists with 'assets ls' or 'locators ls'";
            case 409 -> "the entity already exists or a limit was reached (5 locators per asset); remove the old one or choose another Id";
            case 429, 503 -> "the service is throttling; wait and retry";
            default -> status >= 500 ? "the service failed; retry later" : "";
        };
    }
}
