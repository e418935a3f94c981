package dev.amsh.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.amsh.datacenter.Kind;

/**
 * One context as the contexts file holds it: its kind (v2 when absent), the v2 API root and sign-in or the v3
 * ARM settings, and the storage account. Secret fields hold either the value or {@code env:NAME}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextConfig(String apiRoot, Auth auth, Storage storage, String description, String kind, Arm arm) {

    /** A v2 context, as every context was before v3. */
    public ContextConfig(String apiRoot, Auth auth, Storage storage, String description) {
        this(apiRoot, auth, storage, description, null, null);
    }

    /** A v3 context: ARM settings, and storage keys if copies should use them. */
    public static ContextConfig v3(Arm arm, Storage storage, String description) {
        return new ContextConfig(null, null, storage, description, "v3", arm);
    }

    /** The kind of datacenter this context reaches. */
    public Kind kindOf() {
        return Kind.of(kind);
    }

    /**
     * Where a v3 account lives and how to sign in: an api key (Ravnur; {@code tokenUrl} defaults to
     * {@code {endpoint}/auth/token}) or a service principal ({@code authority} defaults to Entra's). {@code caFile}
     * is a PEM of a private CA; {@code streamingScheme} the scheme of streaming URLs (https unless told);
     * {@code audience} the token audience of a service principal (the endpoint unless told).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Arm(String endpoint, String subscriptionId, String resourceGroup, String accountName, String apiKey,
                      String tokenUrl, String tenant, String clientId, String clientSecret, String authority,
                      String caFile, String streamingScheme, String audience) {
        /** How this context signs in: {@code api-key} or {@code service-principal}. */
        public String signIn() {
            return apiKey != null ? "api-key" : clientId != null ? "service-principal" : "";
        }

        @Override
        public String toString() {
            return "Arm[endpoint=" + endpoint + ", subscriptionId=" + subscriptionId + ", resourceGroup=" + resourceGroup
                    + ", accountName=" + accountName + ", signIn=" + signIn() + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Auth(String type, String accountName, String accountKey, String acsUrl, String scope,
                       String tenant, String clientId, String clientSecret, String tokenUrl, String resource) {
        public static Auth acs(String accountName, String accountKey, String acsUrl) {
            return new Auth("acs", accountName, accountKey, acsUrl, null, null, null, null, null, null);
        }

        public static Auth aad(String tenant, String clientId, String clientSecret, String tokenUrl) {
            return new Auth("aad", null, null, null, null, tenant, clientId, clientSecret, tokenUrl, null);
        }

        @Override
        public String toString() {
            return "Auth[type=" + type + ", accountName=" + accountName + ", clientId=" + clientId + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Storage(String name, String key, String blobEndpoint, String connectionString) {
        @Override
        public String toString() {
            return "Storage[name=" + name + ", blobEndpoint=" + blobEndpoint + "]";
        }
    }

    /** The account this context names, for prompts and listings. */
    public String accountLabel() {
        if (arm != null && arm.accountName() != null) {
            return arm.accountName();
        }
        if (auth == null) {
            return "?";
        }
        return auth.accountName() != null ? auth.accountName() : auth.clientId();
    }
}
