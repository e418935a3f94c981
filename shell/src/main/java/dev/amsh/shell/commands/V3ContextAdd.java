package dev.amsh.shell.commands;

import dev.amsh.arm.ArmClientBuilder;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.SecretRef;
import dev.amsh.datacenter.Kind;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.amsh.shell.commands.ContextAddOptions.ACCOUNT;
import static dev.amsh.shell.commands.ContextAddOptions.API_KEY;
import static dev.amsh.shell.commands.ContextAddOptions.API_ROOT;
import static dev.amsh.shell.commands.ContextAddOptions.ARM_ENDPOINT;
import static dev.amsh.shell.commands.ContextAddOptions.AUTHORITY;
import static dev.amsh.shell.commands.ContextAddOptions.BLOB_ENDPOINT;
import static dev.amsh.shell.commands.ContextAddOptions.CA_FILE;
import static dev.amsh.shell.commands.ContextAddOptions.CLIENT_ID;
import static dev.amsh.shell.commands.ContextAddOptions.CLIENT_SECRET;
import static dev.amsh.shell.commands.ContextAddOptions.CONNECTION_STRING;
import static dev.amsh.shell.commands.ContextAddOptions.KIND;
import static dev.amsh.shell.commands.ContextAddOptions.RESOURCE_GROUP;
import static dev.amsh.shell.commands.ContextAddOptions.STORAGE_KEY;
import static dev.amsh.shell.commands.ContextAddOptions.STORAGE_NAME;
import static dev.amsh.shell.commands.ContextAddOptions.STREAMING_SCHEME;
import static dev.amsh.shell.commands.ContextAddOptions.SUBSCRIPTION;
import static dev.amsh.shell.commands.ContextAddOptions.TENANT;
import static dev.amsh.shell.commands.ContextAddOptions.TOKEN_URL;

/**
 * {@code context add NAME --kind v3 …}: the ARM settings of a v3 context, each bad value refused in one line
 * before anything is saved (a URL that is no URL, an http endpoint, the mask given as a secret, two sign-ins).
 */
final class V3ContextAdd {
    private V3ContextAdd() {
    }

    /** Whether this line asks for a v3 context; v3 options without {@code --kind v3} are refused. */
    static boolean wanted(Invocation inv) {
        boolean v3 = inv.get(KIND) == Kind.V3;
        if (!v3) {
            for (Opt<?> o : ContextAddOptions.V3_ONLY) {
                if (inv.given(o)) {
                    throw new AmshException("--" + o.name() + " is a v3 setting", "add --kind v3, or leave --" + o.name() + " out for a v2 context");
                }
            }
        }
        return v3;
    }

    static ContextConfig config(Invocation inv, String name) {
        for (Opt<String> o : ContextAddOptions.V2_ONLY) {
            if (inv.given(o)) {
                throw new AmshException("--" + o.name() + " is a v2 (ACS) setting; a v3 context signs in with --api-key or a service principal",
                        "leave --" + o.name() + " out");
            }
        }
        if (!inv.get(API_ROOT).equals(ContextAddOptions.V2_API_ROOT)) {
            throw new AmshException("--api-root is the v2 API root; a v3 context takes --arm-endpoint", "leave --api-root out");
        }
        String endpoint = inv.require(ARM_ENDPOINT);
        ArmClientBuilder.requireHttps(name, endpoint);
        // the same checks, in the same words, as a v2 context's
        ContextInput.url(inv.get(AUTHORITY), "authority");
        ContextInput.url(inv.get(TOKEN_URL), "token-url");
        ContextInput.url(inv.get(BLOB_ENDPOINT), "blob-endpoint");
        ContextInput.storageKey(inv.get(STORAGE_KEY), "storage-key");
        ContextInput.connectionString(inv.get(CONNECTION_STRING));
        for (Opt<String> secret : List.of(API_KEY, CLIENT_SECRET, STORAGE_KEY, CONNECTION_STRING)) {
            if (inv.get(secret) != null && inv.get(secret).contains(Redactor.MASK)) {
                throw new AmshException("--" + secret.name() + " " + Redactor.MASK + " is the mask amsh prints for a secret, not the secret",
                        "give the value itself, or env:VAR");
            }
        }
        boolean apiKey = inv.get(API_KEY) != null;
        boolean principal = inv.get(CLIENT_ID) != null || inv.get(CLIENT_SECRET) != null || inv.get(TENANT) != null;
        if (apiKey && principal) {
            throw new AmshException("give one sign-in: --api-key, or --tenant --client-id --client-secret, not both",
                    "Ravnur signs in with an api key; Azure with a service principal");
        }
        if (!apiKey && !principal) {
            throw new AmshException("a v3 context needs a sign-in", "give --api-key env:VAR, or --tenant --client-id --client-secret");
        }
        if (principal) {
            inv.require(TENANT);
            inv.require(CLIENT_ID);
            inv.require(CLIENT_SECRET);
        }
        String scheme = inv.get(STREAMING_SCHEME);
        if (scheme != null && !scheme.equals("https") && !scheme.equals("http")) {
            throw new AmshException("--streaming-scheme is https or http, not '" + scheme + "'", "leave it out for https");
        }
        Path ca = inv.get(CA_FILE);
        if (ca != null && !Files.isRegularFile(ca)) {
            throw new AmshException("CA file " + ca + " does not exist", "give --ca-file the PEM file of the CA that signed the endpoint");
        }
        ContextConfig.Arm arm = new ContextConfig.Arm(endpoint, inv.require(SUBSCRIPTION), inv.require(RESOURCE_GROUP),
                inv.require(ACCOUNT), inv.get(API_KEY), inv.get(TOKEN_URL), inv.get(TENANT), inv.get(CLIENT_ID), inv.get(CLIENT_SECRET),
                inv.get(AUTHORITY), ca == null ? null : ca.toAbsolutePath().toString(), scheme, null);
        ContextConfig.Storage storage = null;
        if (inv.get(CONNECTION_STRING) != null || inv.get(STORAGE_NAME) != null) {
            if (inv.get(CONNECTION_STRING) == null) {
                inv.require(STORAGE_KEY);
            }
            storage = new ContextConfig.Storage(inv.get(STORAGE_NAME), inv.get(STORAGE_KEY), inv.get(BLOB_ENDPOINT),
                    inv.get(CONNECTION_STRING));
        }
        return ContextConfig.v3(arm, storage, null);
    }

    static final String EXAMPLE = "\nA v3 context (Azure Resource Manager; Ravnur's api key or an Entra service principal):\n"
            + "  context add b --kind v3 --arm-endpoint https://rms.example.com/ --subscription SUB --resource-group RG"
            + " --account ACCOUNT --api-key env:RMS_KEY";

    /** The secrets a v3 line typed inline, for the redactor. */
    static List<String> inlineSecrets(Invocation inv) {
        return Stream.of(inv.get(API_KEY), inv.get(CLIENT_SECRET), inv.get(STORAGE_KEY), inv.get(CONNECTION_STRING))
                .filter(SecretRef::isInline).toList();
    }
}
