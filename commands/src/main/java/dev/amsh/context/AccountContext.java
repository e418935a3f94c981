package dev.amsh.context;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.AmsClientBuilder;
import dev.amsh.ams.auth.AmsCredentials;
import dev.amsh.ams.http.RequestGate;
import dev.amsh.ams.http.TraceInterceptor;
import dev.amsh.arm.ArmAccount;
import dev.amsh.arm.ArmClient;
import dev.amsh.arm.ArmClientBuilder;
import dev.amsh.arm.ArmCredentials;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Kind;
import dev.amsh.datacenter.v2.V2Datacenter;
import dev.amsh.datacenter.v3.V3Datacenter;
import dev.amsh.error.AmshException;
import dev.amsh.storage.BlobStore;
import dev.amsh.storage.StorageAccount;

import java.nio.file.Path;

/**
 * One datacenter: a Media Services account and its storage account, as a live connection. Clients are
 * built on first use so that listing contexts never signs in.
 */
public final class AccountContext {
    private final String name;
    private final ContextConfig config;
    private final ContextEnvironment environment;
    private AmsClient ams;
    private TraceInterceptor amsTrace;
    private BlobStore storage;
    private Datacenter datacenter;
    private TraceInterceptor armTrace;
    private final RequestGate gate = new RequestGate();

    public AccountContext(String name, ContextConfig config, ContextEnvironment environment) {
        this.name = name;
        this.config = config;
        this.environment = environment;
    }

    public String name() {
        return name;
    }

    public ContextConfig config() {
        return config;
    }

    public synchronized AmsClient ams() {
        if (ams == null) {
            if (config.kindOf() == Kind.V3) {
                throw new AmshException("context " + name + " is a v3 context; this command is v2's alone (access policies, "
                        + "media processors, the v2 tutorial)", "v3 names a streaming policy on each locator ('locators ls --on "
                        + name + "'); every other command runs on both kinds");
            }
            if (config.apiRoot() == null || config.auth() == null) {
                throw new AmshException("context " + name + " has no API root or sign-in",
                        "set them with 'context add " + name + " …'");
            }
            AmsClientBuilder builder = new AmsClientBuilder().apiRoot(config.apiRoot()).credentials(credentials())
                    .httpClient(environment.http()).clock(environment.clock()).redactor(environment.redactor())
                    .traceSink(environment.traceSink()).contextName(name).gate(gate);
            ams = builder.build();
            amsTrace = builder.trace();
        }
        return ams;
    }

    /**
     * This datacenter behind the seam, whatever API it speaks: v2 over {@link #ams()}, v3 over an ARM client built
     * on first use (so listing contexts never signs in).
     */
    public synchronized Datacenter datacenter() {
        if (datacenter == null) {
            datacenter = switch (config.kindOf()) {
                case V2 -> new V2Datacenter(name, ams(), environment.clock());
                case V3 -> new V3Datacenter(name, arm(), environment.clock(), hasStorageKeys() ? c -> storage().list(c) : null,
                        url -> BlobStore.listBySas(url, environment.httpWithTrace(name, gate)),
                        config.arm().streamingScheme());
            };
        }
        return datacenter;
    }

    /** The kind of datacenter this context reaches. */
    public Kind kind() {
        return config.kindOf();
    }

    /** The v3 client of this context; refused in one line for a v2 context or one without ARM settings. */
    synchronized ArmClient arm() {
        ContextConfig.Arm a = config.arm();
        if (a == null || a.endpoint() == null || a.subscriptionId() == null || a.resourceGroup() == null
                || a.accountName() == null) {
            throw new AmshException("context " + name + " has no ARM endpoint, subscription, resource group or account",
                    "set them with 'context add " + name + " --kind v3 --arm-endpoint URL --subscription ID --resource-group RG --account NAME …'");
        }
        ArmClientBuilder builder = new ArmClientBuilder()
                .account(new ArmAccount(a.endpoint(), a.subscriptionId(), a.resourceGroup(), a.accountName()))
                .credentials(armCredentials(a)).httpClient(environment.http()).clock(environment.clock())
                .redactor(environment.redactor()).traceSink(environment.traceSink()).contextName(name).gate(gate);
        if (a.caFile() != null) {
            builder.caFile(Path.of(a.caFile()));
        }
        ArmClient client = builder.build();
        armTrace = builder.trace();
        return client;
    }

    private ArmCredentials armCredentials(ContextConfig.Arm a) {
        ArmCredentials c;
        if (a.apiKey() != null) {
            c = new ArmCredentials.ApiKey(a.tokenUrl() != null ? a.tokenUrl() : ArmCredentials.apiKeyTokenUrl(a.endpoint()),
                    a.subscriptionId(), SecretRef.resolve(a.apiKey(), "arm.apiKey", environment.env()));
        } else if (a.clientId() != null) {
            c = new ArmCredentials.ServicePrincipal(a.tokenUrl() != null ? a.tokenUrl()
                    : ArmCredentials.entraTokenUrl(a.authority(), a.tenant()), a.tenant(), a.clientId(),
                    SecretRef.resolve(a.clientSecret(), "arm.clientSecret", environment.env()),
                    (a.audience() != null ? a.audience() : a.endpoint()).replaceAll("/+$", "") + "/.default");
        } else {
            throw new AmshException("context " + name + " has no sign-in",
                    "give --api-key env:VAR, or --tenant --client-id --client-secret");
        }
        environment.redactor().addSecret(c.secret());
        return c;
    }

    /** Flow control of every call to this datacenter: open, unless a bulk operation sets limits for a while. */
    public RequestGate gate() {
        return gate;
    }

    /** REST calls made through this context so far (tokens and redirects included). */
    public synchronized long restCalls() {
        return (amsTrace == null ? 0 : amsTrace.calls()) + (armTrace == null ? 0 : armTrace.calls());
    }

    public boolean hasStorageKeys() {
        ContextConfig.Storage s = config.storage();
        return s != null && (s.connectionString() != null || (s.name() != null && s.key() != null));
    }

    public synchronized BlobStore storage() {
        if (storage == null) {
            if (!hasStorageKeys()) {
                throw new AmshException("context " + name + " has no storage account key",
                        "add storage name and key (or a connection string) to context " + name);
            }
            storage = new BlobStore(storageAccount(), environment.httpWithTrace(name, gate));
        }
        return storage;
    }

    /** One container through a grant's SAS URL, for a context without storage keys (v3: listContainerSas). */
    public BlobStore containerStore(ContainerGrant grant) {
        environment.redactor().addSecret(grant.url().replaceFirst("^[^?]*\\?", ""));
        return BlobStore.ofContainerSas(grant.container(), grant.url(), environment.httpWithTrace(name, gate));
    }

    public StorageAccount storageAccount() {
        ContextConfig.Storage s = config.storage();
        StorageAccount account;
        if (s.connectionString() != null) {
            account = StorageAccount.fromConnectionString(
                    SecretRef.resolve(s.connectionString(), "storage.connectionString", environment.env()));
        } else {
            account = new StorageAccount(s.name(), SecretRef.resolve(s.key(), "storage.key", environment.env()),
                    s.blobEndpoint());
        }
        environment.redactor().addSecret(account.key());
        return account;
    }

    AmsCredentials credentials() {
        ContextConfig.Auth a = config.auth();
        String type = a.type() == null ? (a.clientId() != null ? "aad" : "acs") : a.type();
        AmsCredentials c = switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "acs" -> new AmsCredentials.Acs(a.accountName(),
                    SecretRef.resolve(a.accountKey(), "auth.accountKey", environment.env()), a.acsUrl(), a.scope());
            case "aad" -> new AmsCredentials.Aad(a.tenant(), a.clientId(),
                    SecretRef.resolve(a.clientSecret(), "auth.clientSecret", environment.env()), a.tokenUrl(),
                    a.resource());
            default -> throw new AmshException("context " + name + " has unknown auth type '" + a.type() + "'",
                    "use 'acs' or 'aad'");
        };
        environment.redactor().addSecret(c.secret());
        return c;
    }
}
