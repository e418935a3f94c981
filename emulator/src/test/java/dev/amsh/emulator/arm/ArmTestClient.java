package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.common.TestCertificates;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A raw ARM client over real HTTPS that trusts only the pair's test CA: what the wire tests speak through. */
public final class ArmTestClient {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String METADATA = "2022-08-01";

    public record Reply(int status, HttpHeaders headers, String text) {
        public JsonNode json() {
            try {
                return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public final Endpoints.DatacenterEndpoints dc;
    public final HttpClient http;
    private String token;

    public ArmTestClient(Endpoints.DatacenterEndpoints dc, Path caFile) {
        this.dc = dc;
        this.http = HttpClient.newBuilder().sslContext(TestCertificates.trusting(caFile))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String account() {
        return "/subscriptions/" + dc.subscriptionId() + "/resourceGroups/" + dc.resourceGroup()
                + "/providers/Microsoft.Media/mediaServices/" + dc.accountName();
    }

    public String token() throws Exception {
        if (token == null) {
            Reply r = send("POST", dc.tokenUrl(), "{\"subscriptionId\":\"" + dc.subscriptionId() + "\",\"apiKey\":\""
                    + dc.apiKey() + "\"}", "application/json", null);
            if (r.status() != 200) {
                throw new AssertionError("token: " + r.status() + " " + r.text());
            }
            token = r.text();
        }
        return token;
    }

    /** A call under the account: {@code path} like {@code assets/x}, with the metadata api-version unless it has one. */
    public Reply call(String method, String path, String body) throws Exception {
        String url = dc.armEndpoint() + account() + (path.isEmpty() ? "" : "/" + path);
        if (!url.contains("api-version=")) {
            url += (url.contains("?") ? "&" : "?") + "api-version=" + METADATA;
        }
        return send(method, url, body, "application/json", "Bearer " + token());
    }

    public Reply get(String url) throws Exception {
        return send("GET", url, null, null, "Bearer " + token());
    }

    public Reply send(String method, String url, String body, String type, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null && body != null) {
            b.header("Content-Type", type);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }
}
