package dev.amsh.arm;

/** How a v3 context signs in: Ravnur's api key, or an Entra service principal (client credentials). */
public sealed interface ArmCredentials {
    /** The secret, for the redactor. */
    String secret();

    /** Where tokens come from, as messages name it. */
    String tokenUrl();

    /** {@code POST {tokenUrl}} with {@code {"subscriptionId","apiKey"}}; the answer is a bare JWT. */
    record ApiKey(String tokenUrl, String subscriptionId, String apiKey) implements ArmCredentials {
        public String secret() {
            return apiKey;
        }

        @Override
        public String toString() {
            return "ApiKey[tokenUrl=" + tokenUrl + "]";
        }
    }

    /** Client credentials at {@code tokenUrl} for {@code scope} (the ARM endpoint's {@code /.default}). */
    record ServicePrincipal(String tokenUrl, String tenant, String clientId, String clientSecret, String scope)
            implements ArmCredentials {
        public String secret() {
            return clientSecret;
        }

        @Override
        public String toString() {
            return "ServicePrincipal[tokenUrl=" + tokenUrl + ", clientId=" + clientId + "]";
        }
    }

    /** Ravnur's token URL for an endpoint: {@code /auth/token} at its root. */
    public static String apiKeyTokenUrl(String armEndpoint) {
        String base = armEndpoint.replaceAll("/+$", "");
        return base.endsWith("/auth/token") ? base : base + "/auth/token";
    }

    /** Entra's v2 token URL for a tenant under an authority ({@code https://login.microsoftonline.com} by default). */
    public static String entraTokenUrl(String authority, String tenant) {
        String base = (authority == null || authority.isBlank() ? "https://login.microsoftonline.com" : authority)
                .replaceAll("/+$", "");
        return base.endsWith("/token") ? base : base + "/" + tenant + "/oauth2/v2.0/token";
    }
}
