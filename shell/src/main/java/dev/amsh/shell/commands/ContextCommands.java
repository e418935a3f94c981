package dev.amsh.shell.commands;

import dev.amsh.arm.ArmCredentials;
import dev.amsh.context.AppConfigImport;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.Contexts;
import dev.amsh.context.SecretRef;
import dev.amsh.context.V3SettingsImport;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.OptionSpec;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code context} commands: list, switch, show, add and import the account contexts. */
public final class ContextCommands {
    private ContextCommands() {
    }

    /** One row of {@code context ls}; secrets never appear here. */
    public record ContextRow(String name, boolean current, String account, String auth, String apiRoot,
                             String storage, String kind) {
    }

    static ContextRow row(Contexts contexts, String name) {
        ContextConfig c = contexts.configs().get(name);
        return new ContextRow(name, name.equals(contexts.currentName()), c.accountLabel(),
                c.arm() != null ? c.arm().signIn() : c.auth() == null ? "" : c.auth().type(),
                c.arm() != null ? c.arm().endpoint() : c.apiRoot(),
                c.storage() == null ? "" : c.storage().name() != null ? c.storage().name() : "(connection string)",
                c.kindOf().label());
    }

    public static List<Command> all() {
        return List.of(new Ls(), new Use(), new Show(), new Add(), new Import(), new Rm());
    }

    static final class Ls implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("context ls", "list the account contexts").build();
        }

        public Object run(Invocation inv, CommandContext s) {
            List<ContextRow> rows = new ArrayList<>();
            for (String n : s.contexts().names()) {
                rows.add(row(s.contexts(), n));
            }
            return rows;
        }
    }

    static final class Use implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("context use", "make a context the current one (the prompt shows it)")
                    .param(ParamSpec.required("NAME", ValueKind.CONTEXT, "context name")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            s.contexts().use(inv.requireParam(0));
            return "current context: " + inv.requireParam(0);
        }
    }

    static final class Rm implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("context rm", "remove a context (from the contexts file too)")
                    .param(ParamSpec.required("NAME", ValueKind.CONTEXT, "context name")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            s.contexts().remove(inv.requireParam(0));
            return "removed context " + inv.requireParam(0) + "; current: " + s.contexts().currentName();
        }
    }

    static final class Show implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("context show", "show a context (secrets masked)")
                    .param(ParamSpec.optional("NAME", ValueKind.CONTEXT, "context name (default: current)")).build();
        }

        public Object run(Invocation inv, CommandContext s) {
            String name = inv.param(0) != null ? inv.param(0) : s.contexts().currentName();
            s.contexts().get(name);
            ContextConfig c = s.contexts().configs().get(name);
            if (c.arm() != null) {
                return v3Details(name, c);
            }
            return new ContextDetails(name, c.apiRoot(), c.auth() == null ? null : c.auth().type(),
                    c.accountLabel(), c.auth() == null ? null : c.auth().acsUrl() != null ? c.auth().acsUrl() : c.auth().tokenUrl(),
                    c.auth() == null ? null : secretShown(c.auth().accountKey() != null ? c.auth().accountKey() : c.auth().clientSecret()),
                    c.storage() == null ? null : c.storage().name(),
                    c.storage() == null ? null : c.storage().blobEndpoint(),
                    c.storage() == null ? null : secretShown(c.storage().key() != null ? c.storage().key() : c.storage().connectionString()),
                    c.description(), c.kindOf().label(), null, null, null);
        }

        private static ContextDetails v3Details(String name, ContextConfig c) {
            ContextConfig.Arm a = c.arm();
            return new ContextDetails(name, a.endpoint(), a.signIn(), a.accountName(),
                    a.tokenUrl() != null ? a.tokenUrl() : a.apiKey() != null ? ArmCredentials.apiKeyTokenUrl(a.endpoint())
                            : ArmCredentials.entraTokenUrl(a.authority(), a.tenant()),
                    secretShown(a.apiKey() != null ? a.apiKey() : a.clientSecret()),
                    c.storage() == null ? null : c.storage().name(),
                    c.storage() == null ? null : c.storage().blobEndpoint(),
                    c.storage() == null ? "(none: copies go through listContainerSas)"
                            : secretShown(c.storage().key() != null ? c.storage().key() : c.storage().connectionString()),
                    c.description(), "v3", a.subscriptionId(), a.resourceGroup(), a.caFile());
        }
    }

    /** What {@code context show} prints. Secrets appear only as "set" or their env: reference. */
    public record ContextDetails(String name, String apiRoot, String auth, String account, String tokenUrl,
                                 String secret, String storageAccount, String blobEndpoint, String storageKey,
                                 String description, String kind, String subscription, String resourceGroup,
                                 String caFile) {
    }

    static String secretShown(String raw) {
        if (raw == null) {
            return "(not set)";
        }
        return SecretRef.isInline(raw) ? "(set inline)" : raw;
    }

    static final class Add implements Command {
        /** The options that carry a secret: typed inline, they are masked in history. */
        static final List<String> SECRET_OPTIONS = List.of("account-key", "client-secret", "storage-key", "connection-string");

        static final List<String> ACS_OPTIONS = List.of("account-name", "account-key", "acs-url");
        static final List<String> AAD_OPTIONS = List.of("tenant", "client-id", "client-secret", "token-url");

        /** ACS and Azure AD options together leave it unclear how the context signs in (quoted: see refuseMasks). */
        static void refuseBothSignIns(Invocation inv) {
            List<String> acs = ACS_OPTIONS.stream().filter(o -> inv.options().containsKey(o)).map(o -> "'--" + o + "'").toList();
            List<String> aad = AAD_OPTIONS.stream().filter(o -> inv.options().containsKey(o)).map(o -> "'--" + o + "'").toList();
            if (!acs.isEmpty() && !aad.isEmpty()) {
                throw new AmshException("ambiguous sign-in: " + String.join(", ", acs) + " (ACS) and " + String.join(", ", aad)
                        + " (Azure AD) given together", "give either '--account-name' and '--account-key' (ACS) or"
                        + " '--tenant', '--client-id' and '--client-secret' (Azure AD)");
            }
        }

        /** A line recalled from history holds the mask where its secrets were: name every one to give again. */
        static void refuseMasks(Invocation inv) {
            List<String> masked = SECRET_OPTIONS.stream()
                    .filter(o -> inv.option(o) != null && inv.option(o).contains(Redactor.MASK)).map(o -> "'--" + o + "'").toList();
            if (!masked.isEmpty()) {
                // quoted, so that the one Redactor does not take the next word for a typed secret
                String which = String.join(" and ", masked);
                throw new AmshException(which + (masked.size() == 1 ? " holds" : " hold") + " the mask " + Redactor.MASK
                        + " that history keeps in place of a typed secret, not the secret itself; nothing was saved",
                        "give " + which + " again: the real value, or env:VARIABLE");
            }
        }

        public CommandSpec spec() {
            return CommandSpec.of("context add", "add or replace a context")
                    .param(ParamSpec.required("NAME", ValueKind.TEXT, "context name, e.g. a or b"))
                    .option(OptionSpec.value("api-root", ValueKind.TEXT, "Media Services API root", "https://media.windows.net/api/"))
                    .option(OptionSpec.value("account-name", ValueKind.TEXT, "ACS: Media Services account name"))
                    .option(OptionSpec.value("account-key", ValueKind.TEXT, "ACS: account key, or env:VAR"))
                    .option(OptionSpec.value("acs-url", ValueKind.TEXT, "ACS token URL"))
                    .option(OptionSpec.value("tenant", ValueKind.TEXT, "Azure AD: tenant"))
                    .option(OptionSpec.value("client-id", ValueKind.TEXT, "Azure AD: client id"))
                    .option(OptionSpec.value("client-secret", ValueKind.TEXT, "Azure AD: client secret, or env:VAR"))
                    .option(OptionSpec.value("token-url", ValueKind.TEXT, "Azure AD token URL"))
                    .option(OptionSpec.value("storage-name", ValueKind.TEXT, "storage account name"))
                    .option(OptionSpec.value("storage-key", ValueKind.TEXT, "storage account key, or env:VAR"))
                    .option(OptionSpec.value("blob-endpoint", ValueKind.TEXT, "blob endpoint (default https://NAME.blob.core.windows.net)"))
                    .option(OptionSpec.value("connection-string", ValueKind.TEXT, "storage connection string, or env:VAR"))
                    .options(V3ContextAdd.options())
                    .details("Secrets may be given inline or as env:VARIABLE, which keeps them out of the contexts file.\n"
                            + "Typed secrets are masked in history. Example:\n"
                            + "  context add a --account-name myams --account-key env:AMS_KEY_A --storage-name mystore --storage-key env:STORE_KEY_A"
                            + V3ContextAdd.EXAMPLE)
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            String name = inv.requireParam(0);
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new AmshException("context name '" + name + "' is not valid", "use letters, digits, - and _");
            }
            refuseMasks(inv);
            if (V3ContextAdd.wanted(inv)) {
                ContextConfig v3 = V3ContextAdd.config(inv, name);
                V3ContextAdd.inlineSecrets(inv).forEach(s.redactor()::addSecret);
                s.contexts().put(name, v3);
                return saved(name, s);
            }
            refuseBothSignIns(inv);
            ContextInput.url(inv.option("api-root"), "api-root");
            ContextInput.url(inv.option("acs-url"), "acs-url");
            ContextInput.url(inv.option("token-url"), "token-url");
            ContextInput.url(inv.option("blob-endpoint"), "blob-endpoint");
            ContextInput.storageKey(inv.option("storage-key"), "storage-key");
            ContextInput.connectionString(inv.option("connection-string"));
            ContextConfig.Auth auth;
            if (inv.option("client-id") != null) {
                auth = ContextConfig.Auth.aad(inv.requireOption("tenant"), inv.option("client-id"),
                        inv.requireOption("client-secret"), inv.option("token-url"));
            } else {
                auth = ContextConfig.Auth.acs(inv.requireOption("account-name"), inv.requireOption("account-key"),
                        inv.option("acs-url"));
            }
            ContextConfig.Storage storage = null;
            if (inv.option("connection-string") != null || inv.option("storage-name") != null) {
                storage = new ContextConfig.Storage(inv.option("storage-name"), inv.option("storage-key"),
                        inv.option("blob-endpoint"), inv.option("connection-string"));
            }
            for (String secret : new String[] {inv.option("account-key"), inv.option("client-secret"),
                    inv.option("storage-key"), inv.option("connection-string")}) {
                if (SecretRef.isInline(secret)) {
                    s.redactor().addSecret(secret);
                }
            }
            s.contexts().put(name, new ContextConfig(inv.option("api-root"), auth, storage, null));
            return saved(name, s);
        }

        private static String saved(String name, CommandContext s) {
            if (s.contexts().persistent()) {
                return "context " + name + " saved to " + s.contexts().file().path();
            }
            if (s.contexts().savedTo() != null) {
                return LocalPairSave.message(name, s.contexts());
            }
            return "context " + name + " added for this session only";
        }
    }

    static final class Import implements Command {
        public CommandSpec spec() {
            return CommandSpec.of("context import", "import the failover sample's App.config: …Source into a, …Target into b")
                    .param(ParamSpec.required("FILE", ValueKind.PATH, "App.config with the sample's appSettings"))
                    .option(OptionSpec.value("as", ValueKind.TEXT, "v3: the context name for a .env or appsettings.json (default: the account name)"))
                    .details("Also reads v3 settings: the .env of Microsoft's v3 samples (AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP,\n"
                            + "AZURE_MEDIA_SERVICES_ACCOUNT_NAME, AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_ARM_ENDPOINT,\n"
                            + "AZURE_ARM_TOKEN_AUDIENCE) and Ravnur's demo appsettings.json (its Ravnur and AzureServicePrincipal sections).")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Path file = Path.of(inv.requireParam(0));
            Map<String, ContextConfig> imported = V3SettingsImport.handles(file) ? V3SettingsImport.read(file, inv.option("as"))
                    : AppConfigImport.read(file);
            imported.forEach((n, c) -> {
                if (c.arm() != null) {
                    s.redactor().addSecret(c.arm().apiKey());
                    s.redactor().addSecret(c.arm().clientSecret());
                } else {
                    s.redactor().addSecret(c.auth().accountKey());
                    s.redactor().addSecret(c.storage().key());
                }
                s.contexts().put(n, c);
            });
            List<ContextRow> rows = new ArrayList<>();
            imported.keySet().forEach(n -> rows.add(row(s.contexts(), n)));
            return rows;
        }
    }
}
