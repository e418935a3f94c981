package dev.amsh.arm;

/**
 * Where a v3 account lives in ARM: endpoint, subscription, resource group and account name. {@link #path} gives
 * the account's resource path with the segment spelled as the SDKs spell it ({@code mediaServices} for assets,
 * locators, policies, transforms; {@code mediaservices} for streaming endpoints and the account itself).
 */
public record ArmAccount(String endpoint, String subscriptionId, String resourceGroup, String accountName) {
    /** The api-versions the official SDKs send (research: Java 2.4.0 and JS 13.1.0). */
    public static final String METADATA_API = "2022-08-01";
    public static final String STREAMING_API = "2022-11-01";
    public static final String ENCODING_API = "2022-07-01";

    public String path(boolean lowercaseSegment) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Media/"
                + (lowercaseSegment ? "mediaservices" : "mediaServices") + "/" + accountName;
    }

    public String base() {
        return endpoint.replaceAll("/+$", "");
    }
}
