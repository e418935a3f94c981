package dev.amsh.context;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.AmsClientBuilder;
import dev.amsh.ams.auth.AmsCredentials;
import dev.amsh.ams.http.RequestGate;
import dev.amsh.ams.http.TraceInterceptor;
import dev.amsh.error.AmshException;
import dev.amsh.storage.BlobStore;
import dev.amsh.storage.StorageAccount;

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

    /** Flow control of every call to this datacenter: open, unless a bulk operation sets limits for a while. */
    public RequestGate gate() {
        return gate;
    }

    /** REST calls made through this context so far (tokens and redirects included). */
    public synchronized long restCalls() {
        return amsTrace == null ? 0 : amsTrace.calls();
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
