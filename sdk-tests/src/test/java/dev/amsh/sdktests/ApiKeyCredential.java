package dev.amsh.sdktests;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * A {@link TokenCredential} from Ravnur's api-key sign-in: {@code POST {endpoint}/auth/token} with
 * {@code {subscriptionId, apiKey}} answers the bare JWT, whose {@code exp} claim says how long it lasts. The SDK's
 * bearer policy caches it and asks again before it expires, as Ravnur's own credential classes are used.
 */
final class ApiKeyCredential implements TokenCredential {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String tokenUrl;
    private final String subscriptionId;
    private final String apiKey;
    private final HttpClient http;

    ApiKeyCredential(String tokenUrl, String subscriptionId, String apiKey, SSLContext trust) {
        this.tokenUrl = tokenUrl;
        this.subscriptionId = subscriptionId;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().sslContext(trust).build();
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> {
            String body = JSON.createObjectNode().put("subscriptionId", subscriptionId).put("apiKey", apiKey).toString();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the api-key sign-in at " + tokenUrl + " answered " + r.statusCode());
            }
            String jwt = r.body().strip();
            long exp = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get("exp").asLong();
            return new AccessToken(jwt, OffsetDateTime.ofInstant(Instant.ofEpochSecond(exp), ZoneOffset.UTC));
        });
    }
}
