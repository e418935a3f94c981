package dev.amsh.shell;

import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalService;
import dev.amsh.error.AmshException;

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
        return runningEndpoints(dataDir).map(e -> contextsFor(e, environment, file));
    }

    /**
     * The endpoints of a pair already running as a service from this data folder, if one answers: what
     * {@link #running} makes contexts of, found without the HTTP client (the prompt need not wait for it).
     */
    public static Optional<Endpoints> runningEndpoints(Path dataDir) {
        Path endpointsFile = dataDir.resolve(LocalService.ENDPOINTS_FILE);
        if (LocalService.control(endpointsFile, "/status").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalPair.readEndpoints(endpointsFile));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Contexts a and b on the pair running from this data folder, started in this process when none is. */
    public static Contexts connect(Path dataDir, Path toolsDir, ContextEnvironment environment,
                                   dev.amsh.context.ContextsFile file) throws IOException {
        return connect(dataDir, toolsDir, environment, file, List.of(DatacenterKind.V2, DatacenterKind.V2), false);
    }

    /** The start's line on the pair's kinds: how to get a v3 pair from today's, or which kinds this one has. */
    public static String kindLine(List<DatacenterKind> kinds) {
        if (kinds.equals(List.of(DatacenterKind.V2, DatacenterKind.V2))) {
            return "a v3 pair: amsh --local-kind v3 (a and b v3), or --local-kind v2,v3 (a v2, b v3: the migration)";
        }
        return "local pair of kinds a " + kinds.get(0).word() + ", b " + kinds.get(1).word()
                + "; contexts a and b are of those kinds";
    }

    /** The kinds (a's, b's) of the pair running from this data folder, if one does. */
    public static Optional<List<DatacenterKind>> runningKinds(Path dataDir) {
        try {
            return Optional.of(LocalPair.readEndpoints(dataDir.resolve(LocalService.ENDPOINTS_FILE)).datacenters()
                    .stream().map(Endpoints.DatacenterEndpoints::kindOrDefault).toList());
        } catch (IOException e) {
            return Optional.empty(); // a pair whose endpoints cannot be read is not joined: running() says so
        }
    }

    /** Refuses a running pair of other kinds than asked, in one line with how to get the one asked for. */
    public static void requireKinds(Path dataDir, List<DatacenterKind> kinds) {
        runningKinds(dataDir).filter(running -> !running.equals(kinds)).ifPresent(running -> {
            throw new AmshException("the local pair running from " + dataDir + " is of kinds "
                    + running.stream().map(DatacenterKind::word).toList() + ", not "
                    + kinds.stream().map(DatacenterKind::word).toList(),
                    "stop it with 'amsh local down --data " + dataDir + "', or give another --data folder");
        });
    }

    /** As above, starting a pair of these kinds (a's, b's) when none runs; {@code asked}: a running pair must be of them. */
    public static Contexts connect(Path dataDir, Path toolsDir, ContextEnvironment environment,
                                   dev.amsh.context.ContextsFile file, List<DatacenterKind> kinds, boolean asked) throws IOException {
        java.util.Optional<Contexts> joined = running(dataDir, environment, file); // one may have started meanwhile
        if (joined.isPresent()) {
            if (asked) {
                requireKinds(dataDir, kinds);
            }
            return joined.get();
        }
        Path endpointsFile = dataDir.resolve(LocalService.ENDPOINTS_FILE);
        LocalService service = new LocalService(LocalPair.Options.at(dataDir, toolsDir).withKinds(kinds)
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
