package dev.amsh.shell;

import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalService;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Connects contexts a and b to the local pair: to one already running as a service (its endpoints file
 * answers), or to one started in this process.
 */
public final class LocalPairConnector {
    private LocalPairConnector() {
    }

    /**
     * The start's line when contexts a and b use the local pair: which contexts are the pair's, and which come from
     * the contexts file beside it, saying so when a real account takes the place of one of the pair's datacenters.
     */
    public static String banner(String why, ContextsFile file) {
        List<String> pair = new ArrayList<>(LocalPair.NAMES);
        List<String> added = file.exists() && file.read().besideLocalPair()
                ? new ArrayList<>(file.read().contexts().keySet()) : List.of();
        String tail = "; 'help' lists the commands";
        String named = file.exists() ? file.read().current() : null;
        if (named != null && !added.contains(named) && !(added.isEmpty() && pair.contains(named))) {
            // a current the file does not hold is said, not silently replaced by a
            tail += "\namsh: " + file.path() + " names '" + named + "' as the current context but holds no context of that"
                    + " name; add it with 'context add " + named + " …', or use one of " + String.join(", ", union(pair, added));
        }
        if (added.isEmpty()) {
            return why + ": contexts " + String.join(" and ", pair) + " use the local pair of datacenters" + tail;
        }
        List<String> replaced = pair.stream().filter(added::contains).toList();
        pair.removeAll(added);
        String current = file.read().current();
        String line = why + ": " + (pair.isEmpty() ? "no context uses the local pair"
                : (pair.size() == 1 ? "context " + pair.get(0) + " uses" : "contexts " + String.join(" and ", pair) + " use")
                + " the local pair of datacenters") + "; " + String.join(", ", added) + (added.size() == 1 ? " comes" : " come")
                + " from " + file.path() + (current != null && added.contains(current) ? " (current: " + current + ")" : "");
        if (!replaced.isEmpty()) {
            line += "\namsh: MIXED: " + String.join(" and ", replaced) + (replaced.size() == 1 ? " is" : " are")
                    + " an account of that file in place of the local pair's, beside the emulator's "
                    + (pair.isEmpty() ? "nothing" : String.join(" and ", pair))
                    + "; 'context rm " + replaced.get(0) + "' gives it back to the pair from the next start";
        }
        return line + tail;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
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
                .withLog(line -> System.err.println("amsh: " + line)), endpointsFile);
        // before the start, so a JVM that exits while Azurite is half-started stops it too (close waits for the start)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(service), "amsh-local-pair-stop"));
        service.start();
        return contextsFor(service.endpoints(), environment, file);
    }

    private static void stopQuietly(LocalService service) {
        try {
            service.close();
        } catch (RuntimeException alreadyStopped) {
            // a start that failed stopped what it had started
        }
    }

    /**
     * When this amsh joined a pair another amsh started and that pair no longer answers: the line that says so (the
     * amsh that started it has exited, and the pair with it).
     */
    public static Optional<String> joinedPairGone(Path dataDir) {
        if (LocalService.control(dataDir.resolve(LocalService.ENDPOINTS_FILE), "/status").isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the local pair this amsh joined (running from " + dataDir + ") has stopped: the amsh "
                + "that started it exited; start amsh again, or keep a pair for several shells with 'amsh local up --detach'");
    }
}
