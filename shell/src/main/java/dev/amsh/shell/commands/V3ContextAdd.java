package dev.amsh.shell.commands;

import dev.amsh.arm.ArmClientBuilder;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.SecretRef;
import dev.amsh.datacenter.Kind;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ValueKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code context add NAME --kind v3 …}: the ARM settings of a v3 context, each bad value refused in one line
 * before anything is saved (a URL that is no URL, an http endpoint, the mask given as a secret, two sign-ins).
 */
final class V3ContextAdd {
    private V3ContextAdd() {
    }

    /** The options {@code context add} takes for v3 beside its v2 ones ({@code --tenant}, {@code --client-id}… are shared). */
    static List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("kind", ValueKind.TEXT, "v2 (default) or v3 (Azure Resource Manager: AMS v3, Ravnur)"),
                OptionSpec.value("arm-endpoint", ValueKind.TEXT, "v3: ARM endpoint (https only), e.g. https://management.azure.com/"),
                OptionSpec.value("subscription", ValueKind.TEXT, "v3: subscription id"),
                OptionSpec.value("resource-group", ValueKind.TEXT, "v3: resource group"),
                OptionSpec.value("account", ValueKind.TEXT, "v3: Media Services account name"),
                OptionSpec.value("api-key", ValueKind.TEXT, "v3: Ravnur api key, or env:VAR (token from {endpoint}/auth/token)"),
                OptionSpec.value("authority", ValueKind.TEXT, "v3: Entra authority (default https://login.microsoftonline.com)"),
                OptionSpec.value("ca-file", ValueKind.PATH, "v3: PEM of a private CA that signed the ARM endpoint's certificate"),
                OptionSpec.value("streaming-scheme", ValueKind.TEXT, "v3: scheme of streaming URLs (https; http for a local origin)"));
    }

    static final List<String> V3_ONLY = List.of("arm-endpoint", "subscription", "resource-group", "account", "api-key",
            "authority", "ca-file", "streaming-scheme");
    static final List<String> V2_ONLY = List.of("account-name", "account-key", "acs-url");

    /** Whether this line asks for a v3 context; v3 options without {@code --kind v3} are refused. */
    static boolean wanted(Invocation inv) {
        boolean v3 = Kind.of(inv.option("kind")) == Kind.V3;
        if (!v3) {
            for (String o : V3_ONLY) {
                if (inv.option(o) != null) {
                    throw new AmshException("--" + o + " is a v3 setting", "add --kind v3, or leave --" + o + " out for a v2 context");
                }
            }
        }
        return v3;
    }

    static ContextConfig config(Invocation inv, String name) {
        for (String o : V2_ONLY) {
            if (inv.option(o) != null) {
                throw new AmshException("--" + o + " is a v2 (ACS) setting; a v3 context signs in with --api-key or a service principal",
                        "leave --" + o + " out");
            }
        }
        if (inv.option("api-root") != null && !inv.option("api-root").equals("https://media.windows.net/api/")) {
            throw new AmshException("--api-root is the v2 API root; a v3 context takes --arm-endpoint", "leave --api-root out");
        }
        String endpoint = inv.requireOption("arm-endpoint");
        ArmClientBuilder.requireHttps(name, endpoint);
        // the same checks, in the same words, as a v2 context's
        ContextInput.url(inv.option("authority"), "authority");
        ContextInput.url(inv.option("token-url"), "token-url");
        ContextInput.url(inv.option("blob-endpoint"), "blob-endpoint");
        ContextInput.storageKey(inv.option("storage-key"), "storage-key");
        ContextInput.connectionString(inv.option("connection-string"));
        for (String secret : new String[] {"api-key", "client-secret", "storage-key", "connection-string"}) {
            if (inv.option(secret) != null && inv.option(secret).contains(Redactor.MASK)) {
                throw new AmshException("--" + secret + " " + Redactor.MASK + " is the mask amsh prints for a secret, not the secret",
                        "give the value itself, or env:VAR");
            }
        }
        boolean apiKey = inv.option("api-key") != null;
        boolean principal = inv.option("client-id") != null || inv.option("client-secret") != null || inv.option("tenant") != null;
        if (apiKey && principal) {
            throw new AmshException("give one sign-in: --api-key, or --tenant --client-id --client-secret, not both",
                    "Ravnur signs in with an api key; Azure with a service principal");
        }
        if (!apiKey && !principal) {
            throw new AmshException("a v3 context needs a sign-in", "give --api-key env:VAR, or --tenant --client-id --client-secret");
        }
        if (principal) {
            inv.requireOption("tenant");
            inv.requireOption("client-id");
            inv.requireOption("client-secret");
        }
        String scheme = inv.option("streaming-scheme");
        if (scheme != null && !scheme.equals("https") && !scheme.equals("http")) {
            throw new AmshException("--streaming-scheme is https or http, not '" + scheme + "'", "leave it out for https");
        }
        String ca = inv.option("ca-file");
        if (ca != null && !Files.isRegularFile(Path.of(ca))) {
            throw new AmshException("CA file " + ca + " does not exist", "give --ca-file the PEM file of the CA that signed the endpoint");
        }
        ContextConfig.Arm arm = new ContextConfig.Arm(endpoint, inv.requireOption("subscription"),
                inv.requireOption("resource-group"), inv.requireOption("account"), inv.option("api-key"),
                inv.option("token-url"), inv.option("tenant"), inv.option("client-id"), inv.option("client-secret"),
                inv.option("authority"), ca == null ? null : Path.of(ca).toAbsolutePath().toString(), scheme, null);
        ContextConfig.Storage storage = null;
        if (inv.option("connection-string") != null || inv.option("storage-name") != null) {
            if (inv.option("connection-string") == null) {
                inv.requireOption("storage-key");
            }
            storage = new ContextConfig.Storage(inv.option("storage-name"), inv.option("storage-key"),
                    inv.option("blob-endpoint"), inv.option("connection-string"));
        }
        return ContextConfig.v3(arm, storage, null);
    }

    static final String EXAMPLE = "\nA v3 context (Azure Resource Manager; Ravnur's api key or an Entra service principal):\n"
            + "  context add b --kind v3 --arm-endpoint https://rms.example.com/ --subscription SUB --resource-group RG"
            + " --account ACCOUNT --api-key env:RMS_KEY";

    /** The secrets a v3 line typed inline, for the redactor. */
    static List<String> inlineSecrets(Invocation inv) {
        return Stream.of(inv.option("api-key"), inv.option("client-secret"), inv.option("storage-key"),
                inv.option("connection-string")).filter(SecretRef::isInline).toList();
    }
}
