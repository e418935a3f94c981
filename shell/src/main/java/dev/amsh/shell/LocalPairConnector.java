package dev.amsh.shell;

import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalService;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connects contexts a and b to the local pair: to one already running as a service (its endpoints file
 * answers), or to one started in this process.
 */
public final class LocalPairConnector {
    private LocalPairConnector() {
    }

    /** Contexts for the pair's datacenters, signing in with ACS through the global root as the procedure does. */
    public static Contexts contextsFor(Endpoints endpoints, ContextEnvironment environment) {
        return contextsFor(endpoints, environment, null);
    }

    /** As above, with the contexts file where contexts a person adds are kept. */
    public static Contexts contextsFor(Endpoints endpoints, ContextEnvironment environment, dev.amsh.context.ContextsFile file) {
        Map<String, ContextConfig> configs = new LinkedHashMap<>();
        for (Endpoints.DatacenterEndpoints d : endpoints.datacenters()) {
            environment.redactor().addSecret(d.accountKey());
            environment.redactor().addSecret(d.clientSecret());
            environment.redactor().addSecret(d.storageAccountKey());
            environment.redactor().addSecret(d.apiKey());
            if (d.kindOrDefault() == DatacenterKind.V3) {
                // a v3 datacenter: ARM over HTTPS signed by the pair's test CA, Ravnur's api key, the origin's scheme
                configs.put(d.name(), ContextConfig.v3(new ContextConfig.Arm(d.armEndpoint(), d.subscriptionId(),
                        d.resourceGroup(), d.accountName(), d.apiKey(), d.tokenUrl(), null, null, null, null,
                        endpoints.caFile(), URI.create(d.originUrl()).getScheme(), null),
                        new ContextConfig.Storage(d.storageAccountName(), d.storageAccountKey(), d.blobEndpoint(), null),
                        "local pair datacenter " + d.name() + " (v3)"));
                continue;
            }
            configs.put(d.name(), new ContextConfig(d.globalApiRoot(),
                    ContextConfig.Auth.acs(d.accountName(), d.accountKey(), d.acsTokenUrl()),
                    new ContextConfig.Storage(d.storageAccountName(), d.storageAccountKey(), d.blobEndpoint(), null),
                    "local pair datacenter " + d.name()));
        }
        return new Contexts(configs, environment, file);
    }

    /** Contexts for a pair already running as a service from this data folder, if one answers. */
    public static java.util.Optional<Contexts> running(Path dataDir, ContextEnvironment environment,
                                                       dev.amsh.context.ContextsFile file) {
        Path endpointsFile = dataDir.resolve(LocalService.ENDPOINTS_FILE);
        if (LocalService.control(endpointsFile, "/status").isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(contextsFor(LocalPair.readEndpoints(endpointsFile), environment, file));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Contexts a and b on the pair running from this data folder, started in this process when none is. */
    public static Contexts connect(Path dataDir, Path toolsDir, ContextEnvironment environment,
                                   dev.amsh.context.ContextsFile file) throws IOException {
        java.util.Optional<Contexts> joined = running(dataDir, environment, file); // one may have started meanwhile
        if (joined.isPresent()) {
            return joined.get();
        }
        Path endpointsFile = dataDir.resolve(LocalService.ENDPOINTS_FILE);
        LocalService service = new LocalService(LocalPair.Options.at(dataDir, toolsDir)
                .withLog(line -> System.err.println("amsh: " + line)), endpointsFile).start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "amsh-local-pair-stop"));
        return contextsFor(service.endpoints(), environment, file);
    }
}
