package dev.amsh.emulator.storage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The query of a v2 SAS locator's Path as the service's samples show it:
 * {@code sv=2012-02-12&sr=c&si=<locator guid>&sig=…&st=…&se=…}, a container SAS on a stored access policy, times
 * in whole seconds with their colons escaped.
 * <p>
 * The signature is the one the pair's storage checks: Azurite validates every {@code sv} before 2018-11-09 with the
 * 2015-04-05 string-to-sign (permissions, start, expiry, {@code /blob/<account>/<container>}, identifier, IP range,
 * protocol, version, then the five response-header overrides), not with the shorter 2012-02-12 one the real service
 * used. No client recomputes a SAS signature, so the storage that checks it is the only reader that matters.
 */
public final class PolicySas {
    /** The {@code sv} of the service's SAS locator paths. */
    public static final String VERSION = "2012-02-12";

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private PolicySas() {
    }

    /** The query, without the leading {@code ?}; {@code start} may be null (the token then carries no {@code st}). */
    public static String query(StorageAccountSpec account, String container, String identifier,
                               OffsetDateTime start, OffsetDateTime expiry) {
        String st = start == null ? "" : time(start);
        String se = time(expiry);
        String stringToSign = String.join("\n", "", st, se, "/blob/" + account.name() + "/" + container, identifier,
                "", "", VERSION, "", "", "", "", "");
        StringBuilder q = new StringBuilder("sv=").append(VERSION).append("&sr=c&si=").append(encode(identifier))
                .append("&sig=").append(encode(hmac(account.key(), stringToSign)));
        if (start != null) {
            q.append("&st=").append(encode(st));
        }
        return q.append("&se=").append(encode(se)).toString();
    }

    static String time(OffsetDateTime t) {
        return SECONDS.format(t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hmac(String base64Key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
