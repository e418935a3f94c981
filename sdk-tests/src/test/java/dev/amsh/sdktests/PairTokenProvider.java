package dev.amsh.sdktests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.windowsazure.services.media.authentication.AzureAdAccessToken;
import com.microsoft.windowsazure.services.media.authentication.TokenProvider;
import dev.amsh.emulator.Endpoints;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The SDK's own {@code TokenProvider} interface, answered by the pair's Azure AD endpoint (client credentials,
 * resource https://rest.media.azure.net), as docs/local-pair.md gives the recipe. The SDK asks on every request;
 * the token is kept until five minutes before it expires.
 */
final class PairTokenProvider implements TokenProvider {
    private final Endpoints.DatacenterEndpoints dc;
    private final HttpClient http = HttpClient.newHttpClient();
    private AzureAdAccessToken current;
    int issued;

    PairTokenProvider(Endpoints.DatacenterEndpoints dc) {
        this.dc = dc;
    }

    @Override
    public synchronized AzureAdAccessToken acquireAccessToken() throws Exception {
        if (current != null && current.getExpiresOnDate().getTime() - System.currentTimeMillis() > 300_000) {
            return current;
        }
        String form = "grant_type=client_credentials&client_id=" + enc(dc.clientId()) + "&client_secret=" + enc(dc.clientSecret())
                + "&resource=" + enc("https://rest.media.azure.net");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(dc.aadTokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the pair's Azure AD endpoint answered " + r.statusCode());
        }
        JsonNode token = new ObjectMapper().readTree(r.body());
        current = new AzureAdAccessToken(token.get("access_token").asText(),
                new Date(System.currentTimeMillis() + token.get("expires_in").asLong() * 1000));
        issued++;
        return current;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
