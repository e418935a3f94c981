package dev.amsh.shell.commands;

import dev.amsh.datacenter.Kind;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ValueKind;

import java.nio.file.Path;
import java.util.List;

/** The options of {@code context add}: a v2 context's, a v3 one's, and those both take. */
final class ContextAddOptions {
    private ContextAddOptions() {
    }

    static final String V2_API_ROOT = "https://media.windows.net/api/";

    static final Opt<String> API_ROOT = text("api-root", "Media Services API root").orElse(V2_API_ROOT);
    static final Opt<String> ACCOUNT_NAME = text("account-name", "ACS: Media Services account name");
    static final Opt<String> ACCOUNT_KEY = text("account-key", "ACS: account key, or env:VAR");
    static final Opt<String> ACS_URL = text("acs-url", "ACS token URL");
    static final Opt<String> TENANT = text("tenant", "Azure AD: tenant");
    static final Opt<String> CLIENT_ID = text("client-id", "Azure AD: client id");
    static final Opt<String> CLIENT_SECRET = text("client-secret", "Azure AD: client secret, or env:VAR");
    static final Opt<String> TOKEN_URL = text("token-url", "Azure AD token URL");
    static final Opt<String> STORAGE_NAME = text("storage-name", "storage account name");
    static final Opt<String> STORAGE_KEY = text("storage-key", "storage account key, or env:VAR");
    static final Opt<String> BLOB_ENDPOINT = text("blob-endpoint", "blob endpoint (default https://NAME.blob.core.windows.net)");
    static final Opt<String> CONNECTION_STRING = text("connection-string", "storage connection string, or env:VAR");

    static final Opt<Kind> KIND = Opt.of(OptionSpec.value("kind", ValueKind.TEXT, "v2 (default) or v3 (Azure Resource Manager: AMS v3, Ravnur)"),
            raw -> Kind.of(Invocation.text(raw)));
    static final Opt<String> ARM_ENDPOINT = text("arm-endpoint", "v3: ARM endpoint (https only), e.g. https://management.azure.com/");
    static final Opt<String> SUBSCRIPTION = text("subscription", "v3: subscription id");
    static final Opt<String> RESOURCE_GROUP = text("resource-group", "v3: resource group");
    static final Opt<String> ACCOUNT = text("account", "v3: Media Services account name");
    static final Opt<String> API_KEY = text("api-key", "v3: Ravnur api key, or env:VAR (token from {endpoint}/auth/token)");
    static final Opt<String> AUTHORITY = text("authority", "v3: Entra authority (default https://login.microsoftonline.com)");
    static final Opt<Path> CA_FILE = Opt.path("ca-file", "v3: PEM of a private CA that signed the ARM endpoint's certificate");
    static final Opt<String> STREAMING_SCHEME = text("streaming-scheme", "v3: scheme of streaming URLs (https; http for a local origin)");

    /** In the order help shows them: v2's, then v3's. */
    static final List<Opt<?>> V2 = List.of(API_ROOT, ACCOUNT_NAME, ACCOUNT_KEY, ACS_URL, TENANT, CLIENT_ID, CLIENT_SECRET, TOKEN_URL,
            STORAGE_NAME, STORAGE_KEY, BLOB_ENDPOINT, CONNECTION_STRING);
    static final List<Opt<?>> V3 = List.of(KIND, ARM_ENDPOINT, SUBSCRIPTION, RESOURCE_GROUP, ACCOUNT, API_KEY, AUTHORITY, CA_FILE,
            STREAMING_SCHEME);

    /** The options that carry a secret: typed inline, they are masked in history. */
    static final List<Opt<String>> SECRETS = List.of(ACCOUNT_KEY, CLIENT_SECRET, STORAGE_KEY, CONNECTION_STRING);
    static final List<Opt<String>> ACS = List.of(ACCOUNT_NAME, ACCOUNT_KEY, ACS_URL);
    static final List<Opt<String>> AAD = List.of(TENANT, CLIENT_ID, CLIENT_SECRET, TOKEN_URL);
    static final List<Opt<?>> V3_ONLY = List.of(ARM_ENDPOINT, SUBSCRIPTION, RESOURCE_GROUP, ACCOUNT, API_KEY, AUTHORITY,
            CA_FILE, STREAMING_SCHEME);
    static final List<Opt<String>> V2_ONLY = ACS;

    private static Opt<String> text(String name, String help) {
        return Opt.text(name, ValueKind.TEXT, help);
    }
}
