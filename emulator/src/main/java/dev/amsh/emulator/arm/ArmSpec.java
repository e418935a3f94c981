package dev.amsh.emulator.arm;

/**
 * The identity of one emulated v3 datacenter: where its account sits in ARM (subscription, resource group,
 * account), its two sign-ins (a Ravnur-style api key; an Entra-like service principal), the key its tokens are
 * signed with, and its storage account. {@link #toString()} shows no secret.
 */
public record ArmSpec(String name, String subscriptionId, String resourceGroup, String accountName, String apiKey,
                      String tenant, String clientId, String clientSecret, String tokenKey, String storageAccount,
                      String storageKey) {
    @Override
    public String toString() {
        return "ArmSpec[name=" + name + ", subscription=" + subscriptionId + ", resourceGroup=" + resourceGroup
                + ", account=" + accountName + ", storage=" + storageAccount + "]";
    }
}
