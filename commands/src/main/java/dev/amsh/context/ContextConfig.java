package dev.amsh.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One context as the contexts file holds it: the API root, how to sign in, and the storage account.
 * Secret fields hold either the value or {@code env:NAME}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextConfig(String apiRoot, Auth auth, Storage storage, String description) {

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
        if (auth == null) {
            return "?";
        }
        return auth.accountName() != null ? auth.accountName() : auth.clientId();
    }
}
