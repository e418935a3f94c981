package dev.amsh.ams.auth;

/** How a context signs in: the legacy ACS account key flow, or an Azure AD service principal. */
public sealed interface AmsCredentials permits AmsCredentials.Acs, AmsCredentials.Aad {

    String DEFAULT_ACS_URL = "https://wamsprodglobal001acs.accesscontrol.windows.net/v2/OAuth2-13";
    String ACS_SCOPE = "urn:WindowsAzureMediaServices";
    String AAD_RESOURCE = "https://rest.media.azure.net";

    /** The secret to mask wherever it could appear. */
    String secret();

    /** Account name + key against ACS, exactly as the documented procedure signs in. */
    record Acs(String accountName, String accountKey, String acsUrl, String scope) implements AmsCredentials {
        public Acs {
            acsUrl = acsUrl == null || acsUrl.isBlank() ? DEFAULT_ACS_URL : acsUrl;
            scope = scope == null || scope.isBlank() ? ACS_SCOPE : scope;
        }

        public Acs(String accountName, String accountKey) {
            this(accountName, accountKey, null, null);
        }

        @Override
        public String secret() {
            return accountKey;
        }

        @Override
        public String toString() {
            return "Acs[accountName=" + accountName + ", acsUrl=" + acsUrl + "]";
        }
    }

    /** An Azure AD service principal: tenant, client id and secret, resource https://rest.media.azure.net. */
    record Aad(String tenant, String clientId, String clientSecret, String tokenUrl, String resource)
            implements AmsCredentials {
        public Aad {
            tokenUrl = tokenUrl == null || tokenUrl.isBlank()
                    ? "https://login.microsoftonline.com/" + tenant + "/oauth2/token" : tokenUrl;
            resource = resource == null || resource.isBlank() ? AAD_RESOURCE : resource;
        }

        @Override
        public String secret() {
            return clientSecret;
        }

        @Override
        public String toString() {
            return "Aad[tenant=" + tenant + ", clientId=" + clientId + ", tokenUrl=" + tokenUrl + "]";
        }
    }
}
