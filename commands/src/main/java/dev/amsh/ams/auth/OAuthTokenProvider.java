package dev.amsh.ams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.ams.http.RetryInterceptor;
import dev.amsh.error.SignInException;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Fetches tokens with an OAuth2 client-credentials form post (ACS or Azure AD), kept and renewed before they
 * lapse by {@link RenewingToken}.
 */
public final class OAuthTokenProvider extends RenewingToken {
    private final OkHttpClient http;
    private final AmsCredentials credentials;
    private final ObjectMapper json = new ObjectMapper();

    public OAuthTokenProvider(OkHttpClient http, AmsCredentials credentials, Clock clock) {
        super(clock);
        this.http = http;
        this.credentials = credentials;
    }

    @Override
    protected AccessToken fetch(Instant now) {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        String url;
        if (credentials instanceof AmsCredentials.Acs acs) {
            url = acs.acsUrl();
            form.add("client_id", acs.accountName()).add("client_secret", acs.accountKey()).add("scope", acs.scope());
        } else {
            AmsCredentials.Aad aad = (AmsCredentials.Aad) credentials;
            url = aad.tokenUrl();
            form.add("client_id", aad.clientId()).add("client_secret", aad.clientSecret())
                    .add("resource", aad.resource());
        }
        // a token request creates nothing, so a lost answer is simply asked again
        Request request = new Request.Builder().url(url).post(form.build())
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (response.code() == 400 || response.code() == 401 || response.code() == 403) {
                throw new SignInException("sign-in refused by " + hostOf(url) + " (HTTP " + response.code() + ")",
                        credentials instanceof AmsCredentials.Acs
                                ? "check the Media Services account name and key of this context"
                                : "check the tenant, client id and client secret of this context", null, true);
            }
            if (!response.isSuccessful()) {
                throw new SignInException("token endpoint " + hostOf(url) + " answered HTTP " + response.code(),
                        "retry later, or check the token URL of this context", null, true);
            }
            JsonNode node = json.readTree(body);
            String token = node.path("access_token").asText(null);
            if (token == null || token.isEmpty()) {
                throw new SignInException("token endpoint " + hostOf(url) + " returned no access_token",
                        "check the token URL of this context", null, true);
            }
            long seconds = node.path("expires_in").asLong(3600);
            if (seconds <= 0) {
                seconds = 3600;
            }
            return new AccessToken(token, now.plusSeconds(seconds));
        } catch (IOException e) {
            throw new SignInException("cannot reach token endpoint " + hostOf(url) + ": " + e.getMessage(),
                    "is the datacenter down? check the network and the token URL of this context", e, false);
        }
    }

    private static String hostOf(String url) {
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(url);
        return u == null ? url : u.host() + (u.port() == 443 || u.port() == 80 ? "" : ":" + u.port());
    }
}
