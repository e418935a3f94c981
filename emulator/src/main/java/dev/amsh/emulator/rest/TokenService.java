package dev.amsh.emulator.rest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issues and checks bearer tokens for one account; tokens expire as the service's did. */
public final class TokenService {
    private final Clock clock;
    private final Duration acsLifetime;
    private final Duration aadLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    public TokenService(Clock clock, Duration acsLifetime, Duration aadLifetime) {
        this.clock = clock;
        this.acsLifetime = acsLifetime;
        this.aadLifetime = aadLifetime;
    }

    public record Issued(String token, long expiresInSeconds) {
    }

    /** An SWT-shaped ACS token (URL-encoded claims with an HMAC), valid for six hours by default. */
    public Issued issueAcs(String accountName) {
        Instant expires = clock.instant().plus(acsLifetime);
        String token = "http%3a%2f%2fschemas.xmlsoap.org%2fws%2f2005%2f05%2fidentity%2fclaims%2fnameidentifier="
                + accountName + "&urn%3aSubscriptionId=local&Audience=urn%3aWindowsAzureMediaServices&ExpiresOn="
                + expires.getEpochSecond() + "&Issuer=https%3a%2f%2flocal-acs%2f&HMACSHA256=" + randomPart();
        issued.put(token, expires);
        return new Issued(token, acsLifetime.toSeconds());
    }

    /** A JWT-shaped Azure AD token for resource https://rest.media.azure.net. */
    public Issued issueAad(String tenant, String clientId) {
        Instant expires = clock.instant().plus(aadLifetime);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes());
        String claims = b64.encodeToString(("{\"aud\":\"https://rest.media.azure.net\",\"tid\":\"" + tenant
                + "\",\"appid\":\"" + clientId + "\",\"exp\":" + expires.getEpochSecond() + "}").getBytes());
        String token = header + "." + claims + "." + randomPart();
        issued.put(token, expires);
        return new Issued(token, aadLifetime.toSeconds());
    }

    /** Every token issued so far (tests check that none reaches amsh's output). */
    public java.util.Set<String> issuedTokens() {
        return java.util.Set.copyOf(issued.keySet());
    }

    public boolean valid(String token) {
        Instant expires = token == null ? null : issued.get(token);
        if (expires == null) {
            return false;
        }
        if (!clock.instant().isBefore(expires)) {
            issued.remove(token);
            return false;
        }
        return true;
    }

    private String randomPart() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
