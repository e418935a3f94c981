package dev.amsh.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.ams.auth.AccessToken;
import dev.amsh.ams.auth.RenewingToken;
import dev.amsh.ams.http.RetryInterceptor;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.AmshException;
import dev.amsh.error.SignInException;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Tokens for ARM, kept and renewed before they lapse by {@link RenewingToken}: Ravnur's (a bare JWT whose
 * {@code exp} says when) or Entra's client credentials ({@code expires_in}). A refusal names the context and the
 * token URL.
 */
public final class ArmTokenProvider extends RenewingToken {
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(10);

    private final OkHttpClient http;
    private final ArmCredentials credentials;
    private final String context;
    private final ObjectMapper json = new ObjectMapper();

    public ArmTokenProvider(OkHttpClient http, ArmCredentials credentials, Clock clock, String context) {
        super(clock);
        this.http = http;
        this.credentials = credentials;
        this.context = context;
    }

    @Override
    protected AccessToken fetch(Instant now) {
        String url = credentials.tokenUrl();
        Request.Builder request = new Request.Builder().url(url)
                // a token request creates nothing, so a lost answer is simply asked again
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES);
        if (credentials instanceof ArmCredentials.ApiKey key) {
            String body = json.createObjectNode().put("subscriptionId", key.subscriptionId())
                    .put("apiKey", key.apiKey()).toString();
            request.post(RequestBody.create(body, MediaType.get("application/json")));
        } else {
            ArmCredentials.ServicePrincipal sp = (ArmCredentials.ServicePrincipal) credentials;
            request.post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", sp.clientId())
                    .add("client_secret", sp.clientSecret()).add("scope", sp.scope()).build());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string().trim();
            if (response.code() == 400 || response.code() == 401 || response.code() == 403) {
                throw new SignInException("context " + context + ": sign-in refused by " + url + " (HTTP " + response.code() + ")",
                        credentials instanceof ArmCredentials.ApiKey
                                ? "check the api key and subscription id of context " + context
                                : "check the tenant, client id and client secret of context " + context, null, true);
            }
            if (!response.isSuccessful()) {
                throw new AmshException("context " + context + ": token URL " + url + " answered HTTP " + response.code(),
                        "retry later, or check the ARM endpoint of context " + context);
            }
            return credentials instanceof ArmCredentials.ApiKey ? jwt(text, now) : entra(text, now);
        } catch (SSLException e) {
            throw ArmClient.tlsFailure(context, url, e);
        } catch (IOException e) {
            // as on v2: a token URL that does not answer is a datacenter down, which a report over contexts says as such
            throw new AmsTransportException("context " + context + ": cannot reach token URL " + url + " (" + e.getMessage() + ")",
                    "check the network and the ARM endpoint of context " + context, e, false);
        }
    }

    private AccessToken jwt(String text, Instant now) {
        String token = text.startsWith("\"") && text.endsWith("\"") && text.length() > 1 ? text.substring(1, text.length() - 1) : text;
        if (token.isEmpty() || token.chars().filter(c -> c == '.').count() != 2) {
            throw new AmshException("context " + context + ": token URL " + credentials.tokenUrl() + " gave no token",
                    "is the ARM endpoint of context " + context + " a Ravnur endpoint? with Entra, give --tenant --client-id --client-secret");
        }
        return new AccessToken(token, expiryOf(token).orElse(now.plus(UNKNOWN_LIFETIME)));
    }

    /** The {@code exp} claim of a JWT, if it has one. */
    static Optional<Instant> expiryOf(String jwt) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            JsonNode exp = new ObjectMapper().readTree(payload).path("exp");
            return exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private AccessToken entra(String text, Instant now) throws IOException {
        JsonNode node = json.readTree(text);
        String token = node.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new AmshException("context " + context + ": token URL " + credentials.tokenUrl() + " returned no access_token",
                    "check the authority and tenant of context " + context);
        }
        long seconds = node.path("expires_in").asLong(3600);
        return new AccessToken(token, now.plusSeconds(seconds <= 0 ? 3600 : seconds));
    }
}
