package dev.amsh.redact;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in any text amsh shows or writes: SAS signatures, account keys in connection strings,
 * client secrets in form bodies, bearer tokens, and any secret value registered by a context.
 * One instance is shared by output, trace, logs, history and error messages.
 */
public final class Redactor {
    public static final String MASK = "***";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)((?:^|[?&\\s\"'])sig=)([^&\\s\"'<>]+)"),
            Pattern.compile("(?i)(AccountKey=)([^;\\s\"']+)"),
            Pattern.compile("(?i)(SharedAccessSignature=)([^;\\s\"']+)"),
            Pattern.compile("(?i)(client_secret=)([^&\\s\"']+)"),
            Pattern.compile("(?i)(\"(?:access_token|client_secret|accountKey|storageKey|secret|key)\"\\s*:\\s*\")([^\"]+)"),
            Pattern.compile("(?i)(Bearer\\s+)([A-Za-z0-9\\-._~+/%=&:]+)"),
            Pattern.compile("(?i)(HMACSHA256(?:=|%3d))([^&\\s\"']+)"),
            // secrets typed as options (context add --account-key …), quoted or not, unless they name an env: variable
            Pattern.compile("(?i)(--(?:account-key|client-secret|storage-key|connection-string)(?:=|\\s+))"
                    + "(\"(?!env:)(?:\\\\.|[^\"\\\\])*\"?|'(?!env:)[^']*'?|(?![\"']|env:|--|(?-i:TEXT|KEY|SECRET)(?=[\\s\\])'\"]|$))[^\\s\\]]+)")); // TEXT, KEY: placeholders of usage lines and hints

    private final Set<String> knownSecrets = new CopyOnWriteArraySet<>();
    private volatile boolean revealing;

    /** Registers a literal secret (an account key, a client secret) so it is masked wherever it appears. */
    public void addSecret(String secret) {
        if (secret != null && secret.length() >= 6) {
            knownSecrets.add(secret);
        }
    }

    public void addSecrets(Collection<String> secrets) {
        secrets.forEach(this::addSecret);
    }

    /** When the user explicitly asks to see secrets (e.g. {@code --show-secrets}), masking is off. */
    public void setRevealing(boolean revealing) {
        this.revealing = revealing;
    }

    public boolean revealing() {
        return revealing;
    }

    public String redact(String text) {
        if (text == null || revealing) {
            return text;
        }
        String out = text;
        for (String secret : knownSecrets) {
            out = out.replace(secret, MASK);
            String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) {
                out = out.replace(encoded, MASK);
            }
        }
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(out);
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
        }
        return out;
    }
}
