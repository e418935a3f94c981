package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.amsh.emulator.rest.Http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The v3 datacenter's sign-ins and bearer check. Ravnur's {@code POST /auth/token} takes
 * {@code {subscriptionId, apiKey}} (keys in any case) and answers the bare JWT; the Entra-like
 * {@code POST /{tenant}/oauth2/v2.0/token} takes a client-credentials form for {@code {arm}/.default}. Tokens are
 * HS256 JWTs signed with the datacenter's own key, so they stay valid across a restart until their {@code exp}.
 */
final class ArmTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final ArmSpec spec;
    private final Clock clock;
    private final Duration apiKeyLifetime;
    private final Duration entraLifetime;

    ArmTokens(ArmSpec spec, Clock clock, Duration lifetime) {
        this.spec = spec;
        this.clock = clock;
        // Entra's default is one hour: a shorter configured life wins for both
        this.apiKeyLifetime = lifetime;
        this.entraLifetime = lifetime.compareTo(Duration.ofHours(1)) < 0 ? lifetime : Duration.ofHours(1);
    }

    static boolean isTokenPath(String path, String tenant) {
        return path.equalsIgnoreCase("/auth/token") || path.equalsIgnoreCase("/" + tenant + "/oauth2/v2.0/token");
    }

    void handle(HttpExchange ex, String path, String armEndpoint) throws IOException {
        if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
            throw ArmError.methodNotAllowed(ex.getRequestMethod());
        }
        if (path.equalsIgnoreCase("/auth/token")) {
            apiKeyToken(ex);
        } else {
            entraToken(ex, armEndpoint);
        }
    }

    private void apiKeyToken(HttpExchange ex) throws IOException {
        JsonNode body = ArmJson.parse(ex.getRequestBody().readAllBytes());
        String subscription = field(body, "subscriptionId");
        String key = field(body, "apiKey");
        if (subscription == null || key == null) {
            throw ArmError.badRequest("The body must be JSON {\"subscriptionId\": \"…\", \"apiKey\": \"…\"}.");
        }
        if (!subscription.equalsIgnoreCase(spec.subscriptionId()) || !same(key, spec.apiKey())) {
            throw ArmError.unauthorized("InvalidApiKey", "The API key is not valid for subscription '" + subscription + "'.");
        }
        byte[] jwt = issue(spec.subscriptionId(), apiKeyLifetime).getBytes(StandardCharsets.US_ASCII);
        ArmJson.write(ex, 200, "text/plain; charset=utf-8", jwt);
    }

    private void entraToken(HttpExchange ex, String armEndpoint) throws IOException {
        Map<String, String> form = Http.form(ex);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            oauthError(ex, 400, "unsupported_grant_type", "AADSTS70003: grant_type must be client_credentials.");
            return;
        }
        String scope = form.getOrDefault("scope", "");
        if (!audience(scope).equals(audience(armEndpoint + "/.default"))) {
            oauthError(ex, 400, "invalid_scope", "AADSTS70011: The provided scope '" + scope + "' is not valid; use '"
                    + armEndpoint + "/.default'.");
            return;
        }
        if (!spec.clientId().equalsIgnoreCase(form.getOrDefault("client_id", ""))
                || !same(form.getOrDefault("client_secret", ""), spec.clientSecret())) {
            oauthError(ex, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
            return;
        }
        String token = issue(spec.clientId(), entraLifetime);
        ObjectNode answer = ArmJson.object().put("token_type", "Bearer").put("expires_in", entraLifetime.toSeconds())
                .put("ext_expires_in", entraLifetime.toSeconds()).put("access_token", token);
        ArmJson.write(ex, 200, "application/json; charset=utf-8", ArmJson.JSON.writeValueAsBytes(answer));
    }

    /** A scope's resource, without {@code /.default}, trailing slashes, or the localhost/127.0.0.1 difference. */
    private static String audience(String scope) {
        String s = scope.strip().toLowerCase(Locale.ROOT).replaceFirst("/\\.default$", "").replaceAll("/+$", "");
        return s.replace("://localhost:", "://127.0.0.1:");
    }

    private static void oauthError(HttpExchange ex, int status, String code, String description) throws IOException {
        ObjectNode body = ArmJson.object().put("error", code).put("error_description", description);
        ArmJson.write(ex, status, "application/json; charset=utf-8", ArmJson.JSON.writeValueAsBytes(body));
    }

    private static String field(JsonNode body, String name) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equalsIgnoreCase(name) && body.get(f).isTextual()) {
                return body.get(f).asText();
            }
        }
        return null;
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    String issue(String subject, Duration lifetime) {
        Instant now = clock.instant();
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode claims = ArmJson.object().put("iss", "https://amsh.local/" + spec.tenant() + "/")
                .put("sub", subject).put("tid", spec.tenant()).put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond()).put("exp", now.plus(lifetime).getEpochSecond());
        String body = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + body + "." + sign(header + "." + body);
    }

    /** Checks an Authorization header; throws the 401 ARM answers when it is missing, wrong or expired. */
    void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ArmError.unauthorized("AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is missing.");
        }
        String token = authorization.substring(7).strip();
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !same(parts[2], sign(parts[0] + "." + parts[1]))) {
            throw ArmError.unauthorized("InvalidAuthenticationToken", "The access token is invalid.");
        }
        long exp;
        try {
            exp = ArmJson.JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp").asLong();
        } catch (IOException | IllegalArgumentException e) {
            throw ArmError.unauthorized("InvalidAuthenticationToken", "The access token is invalid.");
        }
        if (clock.instant().getEpochSecond() >= exp) {
            throw ArmError.unauthorized("ExpiredAuthenticationToken",
                    "The access token expiry UTC time '" + Instant.ofEpochSecond(exp) + "' is earlier than current UTC time '"
                            + clock.instant() + "'.");
        }
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(spec.tokenKey()), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
