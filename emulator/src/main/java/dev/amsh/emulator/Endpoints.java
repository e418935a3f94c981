package dev.amsh.emulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a client needs to use the local pair, per datacenter: its kind; for v2 the API roots, token URLs and
 * credentials; for v3 the ARM endpoint, the account's place in ARM, both sign-ins and the streaming host; for
 * both storage and origin; and the front over both origins, and the test CA's PEM when a v3 datacenter is in
 * the pair ({@code caFile}, relative to the JSON file or absolute). Written as JSON by {@code amsh local up};
 * it holds secrets, so the file is owner-only. Fields a kind does not have are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Endpoints(List<DatacenterEndpoints> datacenters, String front, String control, String controlToken,
                        String caFile) {

    public Endpoints(List<DatacenterEndpoints> datacenters, String front, String control, String controlToken) {
        this(datacenters, front, control, controlToken, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DatacenterEndpoints(String name, String kind, String globalApiRoot, String clusterApiRoot,
                                      String acsTokenUrl, String aadTokenUrl, String tenant, String accountName,
                                      String accountKey, String clientId, String clientSecret, String storageAccountName,
                                      String storageAccountKey, String blobEndpoint, String originUrl,
                                      String armEndpoint, String subscriptionId, String resourceGroup, String tokenUrl,
                                      String apiKey, String streamingHost) {
        /** A v2 datacenter's endpoints (the fields the pair always wrote). */
        public DatacenterEndpoints(String name, String globalApiRoot, String clusterApiRoot, String acsTokenUrl,
                                   String aadTokenUrl, String tenant, String accountName, String accountKey,
                                   String clientId, String clientSecret, String storageAccountName,
                                   String storageAccountKey, String blobEndpoint, String originUrl) {
            this(name, DatacenterKind.V2.word(), globalApiRoot, clusterApiRoot, acsTokenUrl, aadTokenUrl, tenant,
                    accountName, accountKey, clientId, clientSecret, storageAccountName, storageAccountKey, blobEndpoint,
                    originUrl, null, null, null, null, null, null);
        }

        /** A v3 datacenter's endpoints. */
        public static DatacenterEndpoints v3(String name, String armEndpoint, String subscriptionId, String resourceGroup,
                                             String accountName, String tokenUrl, String apiKey, String tenant,
                                             String clientId, String clientSecret, String aadTokenUrl,
                                             String storageAccountName, String storageAccountKey, String blobEndpoint,
                                             String streamingHost, String originUrl) {
            return new DatacenterEndpoints(name, DatacenterKind.V3.word(), null, null, null, aadTokenUrl, tenant,
                    accountName, null, clientId, clientSecret, storageAccountName, storageAccountKey, blobEndpoint,
                    originUrl, armEndpoint, subscriptionId, resourceGroup, tokenUrl, apiKey, streamingHost);
        }

        /** v2 unless the file says otherwise (files written before kinds existed are v2). */
        public DatacenterKind kindOrDefault() {
            return kind == null ? DatacenterKind.V2 : DatacenterKind.parse(kind);
        }

        @Override
        public String toString() {
            return "DatacenterEndpoints[name=" + name + ", kind=" + kindOrDefault().word() + ", api="
                    + (armEndpoint != null ? armEndpoint : clusterApiRoot) + ", origin=" + originUrl + "]";
        }
    }

    public DatacenterEndpoints get(String name) {
        return datacenters.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no datacenter " + name));
    }

    /** The same endpoints with the CA's path as a file next to them should say it. */
    public Endpoints withCaFile(String path) {
        return new Endpoints(datacenters, front, control, controlToken, path);
    }

    @Override
    public String toString() {
        return "Endpoints" + datacenters + " front " + front;
    }
}
