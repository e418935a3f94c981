package dev.amsh.emulator;

import com.sun.net.httpserver.HttpExchange;
import dev.amsh.emulator.common.DatacenterListeners;
import dev.amsh.emulator.common.PublishedLocators;
import dev.amsh.emulator.faults.FaultInjector;
import dev.amsh.emulator.origin.OriginHandler;
import dev.amsh.emulator.origin.packaging.Packager;
import dev.amsh.emulator.rest.EntityStore;
import dev.amsh.emulator.rest.Http;
import dev.amsh.emulator.rest.RestApi;
import dev.amsh.emulator.rest.TokenService;
import dev.amsh.emulator.storage.StorageGateway;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * One emulated datacenter: a Media Services v2 account (global root answering 301, cluster root, ACS and
 * Azure AD token endpoints) on one port, and its origin (streaming endpoint) on another. Both can be
 * stopped and started again for outage rehearsal; entity state survives in the data directory.
 */
public final class Datacenter implements PairMember {
    public static final String HOST = DatacenterListeners.HOST;
    /** how long the origin trusts an asset's index before it lists the container again */
    static final Duration PACKAGER_REVALIDATION = Duration.ofSeconds(5);

    private final DatacenterSpec spec;
    private final RestApi api;
    private final TokenService tokens;
    private final EntityStore store;
    private final DatacenterListeners listeners;
    private final EmulatorLog log;
    /** kept across stop and start, as the service's origins kept their indexes */
    private final Packager packager;

    public Datacenter(DatacenterSpec spec, StorageGateway storage, Path dataDir, Clock clock, Supplier<UUID> ids,
                      Duration tokenLifetime, int apiPort, int originPort) {
        this(spec, storage, dataDir, clock, ids, tokenLifetime, apiPort, originPort, new FaultInjector(),
                EmulatorLog.none(), null);
    }

    /** With the pair's fault injector, log, and the timer that drops hung exchanges. */
    public Datacenter(DatacenterSpec spec, StorageGateway storage, Path dataDir, Clock clock, Supplier<UUID> ids,
                      Duration tokenLifetime, int apiPort, int originPort, FaultInjector faults, EmulatorLog log,
                      ScheduledExecutorService timer) {
        this.log = log;
        this.spec = spec;
        this.listeners = new DatacenterListeners(spec.name(), "amsh-dc-" + spec.name(), apiPort, originPort, faults,
                timer != null ? timer : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "amsh-dc-timer");
                    t.setDaemon(true);
                    return t;
                }));
        this.store = new EntityStore(dataDir == null ? null : dataDir.resolve("entities.json"));
        // ACS tokens lived six hours; Azure AD's default is one hour: a shorter configured life wins for both
        Duration aad = tokenLifetime.compareTo(Duration.ofHours(1)) < 0 ? tokenLifetime : Duration.ofHours(1);
        this.tokens = new TokenService(clock, tokenLifetime, aad);
        this.api = new RestApi(store, storage, tokens, clock, ids, this::originUrl);
        this.api.setErrorLog((request, e) -> log.error(spec.name(), request, e));
        this.packager = new Packager(clock, PACKAGER_REVALIDATION);
    }

    @Override
    public void start() throws IOException {
        listeners.start(this::handleApi, new OriginHandler(spec.name(), this::publishedLocator, api.storage(), packager), null);
    }

    /** Takes the API and the origin down (ports are kept for the next start). */
    @Override
    public void stop() {
        listeners.stop();
        store.flush();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public DatacenterKind kind() {
        return DatacenterKind.V2;
    }

    @Override
    public boolean running() {
        return listeners.running();
    }

    public DatacenterSpec spec() {
        return spec;
    }

    public RestApi api() {
        return api;
    }

    public TokenService tokens() {
        return tokens;
    }

    public String base() {
        return "http://" + HOST + ":" + listeners.apiPort();
    }

    public String globalApiRoot() {
        return base() + "/global/api/";
    }

    public String clusterApiRoot() {
        return base() + "/api/";
    }

    /**
     * The cluster root under the host the client addressed (a proxy or tunnel in front keeps clients on its side,
     * as the service's own host names did), else the listener's own.
     */
    String clusterRootAsAddressed(String host) {
        return host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]+") ? clusterApiRoot() : "http://" + host + "/api/";
    }

    public String acsTokenUrl() {
        return base() + "/acs/v2/OAuth2-13";
    }

    public String aadTokenUrl() {
        return base() + "/aad/" + spec.tenant() + "/oauth2/token";
    }

    @Override
    public String originUrl() {
        return "http://" + HOST + ":" + listeners.originPort();
    }

    public int apiPort() {
        return listeners.apiPort();
    }

    public int originPort() {
        return listeners.originPort();
    }

    /** What the origin serves: the v2 origin locator with this GUID, inside its window. */
    private Optional<PublishedLocators.Published> publishedLocator(String guid) {
        return api.activeOriginLocator(guid).map(l -> new PublishedLocators.Published(l.path("_container").asText()));
    }

    private void handleApi(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            String cluster = clusterRootAsAddressed(ex.getRequestHeaders().getFirst("Host"));
            if (path.startsWith("/global/api")) {
                // the global root answers every call with 301 to the account's cluster root, as media.windows.net did
                ex.getResponseHeaders().add("Location", cluster);
                Http.send(ex, 301, "text/html; charset=utf-8", "<html><head><title>Object moved</title></head><body>"
                        + "<h2>Object moved to <a href=\"" + cluster + "\">here</a>.</h2></body></html>");
            } else if (path.startsWith("/api/") || path.equals("/api")) {
                api.handle(ex, cluster, path.length() > 5 ? path.substring(5) : "");
            } else if (path.equals("/acs/v2/OAuth2-13")) {
                acsToken(ex);
            } else if (path.equals("/aad/" + spec.tenant() + "/oauth2/token")) {
                aadToken(ex);
            } else {
                Http.send(ex, 404, "text/plain", "not found\n");
            }
        } catch (RuntimeException e) {
            log.error(spec.name(), ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath(), e);
            Http.send(ex, 500, "text/plain", "emulator error (see " + EmulatorLog.FILE + ")\n");
        }
    }

    private void acsToken(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
            Http.send(ex, 405, "text/plain", "POST only\n");
            return;
        }
        Map<String, String> form = Http.form(ex);
        if (!"client_credentials".equals(form.get("grant_type"))
                || !"urn:WindowsAzureMediaServices".equalsIgnoreCase(form.get("scope"))) {
            Http.send(ex, 400, "application/json", "{\"error\":\"invalid_request\",\"error_description\":"
                    + "\"grant_type client_credentials and scope urn:WindowsAzureMediaServices are required\"}");
            return;
        }
        if (!spec.accountName().equals(form.get("client_id")) || !spec.accountKey().equals(form.get("client_secret"))) {
            Http.send(ex, 401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":"
                    + "\"ACS50012: Authentication failed.\"}");
            return;
        }
        TokenService.Issued t = tokens.issueAcs(spec.accountName());
        Http.send(ex, 200, "application/json; charset=utf-8", "{\"token_type\":\"http://schemas.xmlsoap.org/ws/2009/11/swt-token-profile-1.0\","
                + "\"access_token\":\"" + t.token() + "\",\"expires_in\":\"" + t.expiresInSeconds()
                + "\",\"scope\":\"urn:WindowsAzureMediaServices\"}");
    }

    private void aadToken(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
            Http.send(ex, 405, "text/plain", "POST only\n");
            return;
        }
        Map<String, String> form = Http.form(ex);
        if (!"client_credentials".equals(form.get("grant_type")) || !"https://rest.media.azure.net".equals(form.get("resource"))) {
            Http.send(ex, 400, "application/json", "{\"error\":\"invalid_request\",\"error_description\":"
                    + "\"AADSTS900144: grant_type client_credentials and resource https://rest.media.azure.net are required\"}");
            return;
        }
        if (!spec.clientId().equals(form.get("client_id")) || !spec.clientSecret().equals(form.get("client_secret"))) {
            Http.send(ex, 401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":"
                    + "\"AADSTS7000215: Invalid client secret provided.\"}");
            return;
        }
        TokenService.Issued t = tokens.issueAad(spec.tenant(), spec.clientId());
        Http.send(ex, 200, "application/json; charset=utf-8", "{\"token_type\":\"Bearer\",\"expires_in\":\""
                + t.expiresInSeconds() + "\",\"ext_expires_in\":\"" + t.expiresInSeconds() + "\",\"resource\":"
                + "\"https://rest.media.azure.net\",\"access_token\":\"" + t.token() + "\"}");
    }

    @Override
    public void close() {
        stop();
        store.close();
    }
}
