package dev.amsh.emulator;

/**
 * The identity of one emulated datacenter: its Media Services account (ACS name + key, Azure AD tenant,
 * client id + secret) and its storage account. {@link #toString()} shows no secret.
 */
public record DatacenterSpec(String name, String accountName, String accountKey, String tenant, String clientId,
                             String clientSecret, String storageAccount, String storageKey) {
    @Override
    public String toString() {
        return "DatacenterSpec[name=" + name + ", account=" + accountName + ", storage=" + storageAccount + "]";
    }
}
