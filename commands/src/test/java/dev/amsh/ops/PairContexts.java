package dev.amsh.ops;

import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.redact.Redactor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Contexts a and b on a running local pair, with every HTTP exchange recorded. */
public final class PairContexts {
    public final List<dev.amsh.ams.http.HttpTrace> traces = new CopyOnWriteArrayList<>();
    public final Redactor redactor = new Redactor();
    public final Contexts contexts;

    public PairContexts(LocalPair pair) {
        contexts = new Contexts(configs(pair), ContextEnvironment.create(redactor, traces::add, Map.of()));
    }

    /** Contexts a and b of the pair as a contexts file would hold them: ACS through the global root, storage keys. */
    public static Map<String, ContextConfig> configs(LocalPair pair) {
        Map<String, ContextConfig> configs = new LinkedHashMap<>();
        for (Endpoints.DatacenterEndpoints d : pair.endpoints(null, null).datacenters()) {
            configs.put(d.name(), new ContextConfig(d.globalApiRoot(),
                    ContextConfig.Auth.acs(d.accountName(), d.accountKey(), d.acsTokenUrl()),
                    new ContextConfig.Storage(d.storageAccountName(), d.storageAccountKey(), d.blobEndpoint(), null), null));
        }
        return configs;
    }
}
