package dev.amsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain-HTTP calls to one emulated datacenter, as any client would make them. */
final class RawClient {
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();
    final Endpoints.DatacenterEndpoints dc;
    final String token;

    record Reply(int status, JsonNode body, String text) {
        JsonNode d() {
            return body.has("d") ? body.get("d") : body;
        }
    }

    RawClient(Endpoints.DatacenterEndpoints dc) throws Exception {
        this.dc = dc;
        this.token = acs(dc.accountKey()).body().get("access_token").asText();
    }

    Reply acs(String key) throws Exception {
        String body = "grant_type=client_credentials&client_id=" + dc.accountName() + "&client_secret="
                + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&scope=urn%3AWindowsAzureMediaServices";
        return reply(http.send(HttpRequest.newBuilder(URI.create(dc.acsTokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    Reply call(String method, String resource, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dc.clusterApiRoot() + resource))
                .header("Content-Type", "application/json;odata=verbose").header("Accept", "application/json;odata=verbose")
                .header("DataServiceVersion", "3.0").header("x-ms-version", "2.19").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return reply(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Reply reply(HttpResponse<String> r) throws Exception {
        JsonNode n = r.body().isBlank() || !r.body().trim().startsWith("{") ? json.createObjectNode() : json.readTree(r.body());
        return new Reply(r.statusCode(), n, r.body());
    }

    String createAsset(String name, int options) throws Exception {
        return call("POST", "Assets", "{\"Name\":\"" + name + "\",\"Options\":\"" + options + "\"}").d().get("Id").asText();
    }

    String createPolicy(int permissions, double minutes) throws Exception {
        return call("POST", "AccessPolicies", "{\"Name\":\"p\",\"DurationInMinutes\":\"" + minutes + "\",\"Permissions\":\""
                + permissions + "\"}").d().get("Id").asText();
    }

    Reply createLocator(String assetId, String policyId, int type, String id) throws Exception {
        return call("POST", "Locators", "{\"AssetId\":\"" + assetId + "\",\"AccessPolicyId\":\"" + policyId
                + "\",\"Type\":" + type + (id == null ? "" : ",\"Id\":\"" + id + "\"") + "}");
    }

    HttpResponse<byte[]> get(String url, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
