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
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.amsh.shell.commands.ContextAddOptions.ACCOUNT_KEY;
import static dev.amsh.shell.commands.ContextAddOptions.ACCOUNT_NAME;
import static dev.amsh.shell.commands.ContextAddOptions.ACS_URL;
import static dev.amsh.shell.commands.ContextAddOptions.API_ROOT;
import static dev.amsh.shell.commands.ContextAddOptions.BLOB_ENDPOINT;
import static dev.amsh.shell.commands.ContextAddOptions.CLIENT_ID;
import static dev.amsh.shell.commands.ContextAddOptions.CLIENT_SECRET;
import static dev.amsh.shell.commands.ContextAddOptions.CONNECTION_STRING;
import static dev.amsh.shell.commands.ContextAddOptions.STORAGE_KEY;
import static dev.amsh.shell.commands.ContextAddOptions.STORAGE_NAME;
import static dev.amsh.shell.commands.ContextAddOptions.TENANT;
import static dev.amsh.shell.commands.ContextAddOptions.TOKEN_URL;

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
        /** ACS and Azure AD options together leave it unclear how the context signs in (quoted: see refuseMasks). */
        static void refuseBothSignIns(Invocation inv) {
            List<String> acs = ContextAddOptions.ACS.stream().filter(inv::given).map(o -> "'--" + o.name() + "'").toList();
            List<String> aad = ContextAddOptions.AAD.stream().filter(inv::given).map(o -> "'--" + o.name() + "'").toList();
            if (!acs.isEmpty() && !aad.isEmpty()) {
                throw new AmshException("ambiguous sign-in: " + String.join(", ", acs) + " (ACS) and " + String.join(", ", aad)
                        + " (Azure AD) given together", "give either '--account-name' and '--account-key' (ACS) or"
                        + " '--tenant', '--client-id' and '--client-secret' (Azure AD)");
            }
        }

        /** A line recalled from history holds the mask where its secrets were: name every one to give again. */
        static void refuseMasks(Invocation inv) {
            List<String> masked = ContextAddOptions.SECRETS.stream()
                    .filter(o -> inv.get(o) != null && inv.get(o).contains(Redactor.MASK)).map(o -> "'--" + o.name() + "'").toList();
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
                    .typedOptions(ContextAddOptions.V2)
                    .typedOptions(ContextAddOptions.V3)
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
            ContextInput.url(inv.get(API_ROOT), "api-root");
            ContextInput.url(inv.get(ACS_URL), "acs-url");
            ContextInput.url(inv.get(TOKEN_URL), "token-url");
            ContextInput.url(inv.get(BLOB_ENDPOINT), "blob-endpoint");
            ContextInput.storageKey(inv.get(STORAGE_KEY), "storage-key");
            ContextInput.connectionString(inv.get(CONNECTION_STRING));
            ContextConfig.Auth auth;
            if (inv.get(CLIENT_ID) != null) {
                auth = ContextConfig.Auth.aad(inv.require(TENANT), inv.get(CLIENT_ID), inv.require(CLIENT_SECRET), inv.get(TOKEN_URL));
            } else {
                auth = ContextConfig.Auth.acs(inv.require(ACCOUNT_NAME), inv.require(ACCOUNT_KEY), inv.get(ACS_URL));
            }
            ContextConfig.Storage storage = null;
            if (inv.get(CONNECTION_STRING) != null || inv.get(STORAGE_NAME) != null) {
                storage = new ContextConfig.Storage(inv.get(STORAGE_NAME), inv.get(STORAGE_KEY), inv.get(BLOB_ENDPOINT),
                        inv.get(CONNECTION_STRING));
            }
            for (Opt<String> secret : ContextAddOptions.SECRETS) {
                if (SecretRef.isInline(inv.get(secret))) {
                    s.redactor().addSecret(inv.get(secret));
                }
            }
            s.contexts().put(name, new ContextConfig(inv.get(API_ROOT), auth, storage, null));
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
        static final Opt<String> AS = Opt.text("as", ValueKind.TEXT, "v3: the context name for a .env or appsettings.json (default: the account name)");

        public CommandSpec spec() {
            return CommandSpec.of("context import", "import the failover sample's App.config: …Source into a, …Target into b")
                    .param(ParamSpec.required("FILE", ValueKind.PATH, "App.config with the sample's appSettings"))
                    .option(AS)
                    .details("Also reads v3 settings: the .env of Microsoft's v3 samples (AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP,\n"
                            + "AZURE_MEDIA_SERVICES_ACCOUNT_NAME, AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_ARM_ENDPOINT,\n"
                            + "AZURE_ARM_TOKEN_AUDIENCE) and Ravnur's demo appsettings.json (its Ravnur and AzureServicePrincipal sections).")
                    .build();
        }

        public Object run(Invocation inv, CommandContext s) {
            Path file = Path.of(inv.requireParam(0));
            Map<String, ContextConfig> imported = V3SettingsImport.handles(file) ? V3SettingsImport.read(file, inv.get(AS))
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
