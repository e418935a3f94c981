package dev.amsh.emulator;

import java.util.List;

/**
 * What a client needs to use the local pair, per datacenter: API roots, token URLs, credentials, storage and
 * origin; and the front over both origins. Written as JSON by {@code amsh local up}; it holds secrets, so the file is owner-only.
 */
public record Endpoints(List<DatacenterEndpoints> datacenters, String front, String control, String controlToken) {

    public record DatacenterEndpoints(String name, String globalApiRoot, String clusterApiRoot, String acsTokenUrl,
                                      String aadTokenUrl, String tenant, String accountName, String accountKey,
                                      String clientId, String clientSecret, String storageAccountName,
                                      String storageAccountKey, String blobEndpoint, String originUrl) {
        @Override
        public String toString() {
            return "DatacenterEndpoints[name=" + name + ", api=" + clusterApiRoot + ", origin=" + originUrl + "]";
        }
    }

    public DatacenterEndpoints get(String name) {
        return datacenters.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no datacenter " + name));
    }

    @Override
    public String toString() {
        return "Endpoints" + datacenters + " front " + front;
    }
}
