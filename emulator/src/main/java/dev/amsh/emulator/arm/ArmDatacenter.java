package dev.amsh.emulator.arm;

import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.EmulatorLog;
import dev.amsh.emulator.PairMember;
import dev.amsh.emulator.common.DatacenterListeners;
import dev.amsh.emulator.common.TestCertificates;
import dev.amsh.emulator.encoder.LadderEncoding;
import dev.amsh.emulator.faults.FaultInjector;
import dev.amsh.emulator.origin.OriginHandler;
import dev.amsh.emulator.origin.packaging.Packager;
import dev.amsh.emulator.rest.EntityStore;
import dev.amsh.emulator.storage.StorageGateway;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * One emulated v3 datacenter: a Media Services account under ARM, over HTTPS with the pair's test CA (its token
 * endpoints on the same listener), and its streaming endpoint's origin over http on another port. The ARM
 * listener is the fault injector's {@code api} surface and the origin its {@code origin} surface; resources
 * survive a stop and a restart in the data directory.
 */
public final class ArmDatacenter implements PairMember {
    public static final String HOST = DatacenterListeners.HOST;
    static final Duration PACKAGER_REVALIDATION = Duration.ofSeconds(5);
    /** how long a streaming endpoint takes to start, stop or scale */
    public static final Duration TRANSITION = Duration.ofMillis(1500);

    private final ArmSpec spec;
    private final TestCertificates tls;
    private final EntityStore store;
    private final StorageGateway storage;
    private final ArmApi api;
    private final ArmJobRunner jobs;
    private final Packager packager;
    private final DatacenterListeners listeners;

    public ArmDatacenter(ArmSpec spec, TestCertificates tls, StorageGateway storage, Path dataDir, Clock clock,
                         Supplier<UUID> ids, Duration tokenLifetime, int apiPort, int originPort, Supplier<Path> ffmpeg,
                         FaultInjector faults, EmulatorLog log, ScheduledExecutorService timer) {
        this.spec = spec;
        this.tls = tls;
        this.storage = storage;
        this.listeners = new DatacenterListeners(spec.name(), "amsh-arm-" + spec.name(), apiPort, originPort, faults, timer);
        this.store = new EntityStore(dataDir == null ? null : dataDir.resolve("arm.json"));
        ArmContext c = new ArmContext(spec, new ArmStore(store), storage, clock, ids, this::streamingHost, TRANSITION);
        this.jobs = new ArmJobRunner(c, new LadderEncoding(ffmpeg));
        this.api = new ArmApi(c, tokenLifetime, jobs);
        this.api.setErrorLog((request, e) -> log.error(spec.name(), request, e));
        this.packager = new Packager(clock, PACKAGER_REVALIDATION);
    }

    @Override
    public synchronized void start() throws IOException {
        if (listeners.start(api, new OriginHandler(spec.name(), api.published(), storage, packager), tls.serverContext())) {
            api.seedEndpoint();
            api.encoding().unfinished().forEach(jobs::submit);
        }
    }

    @Override
    public void stop() {
        listeners.stop();
        store.flush();
    }

    @Override
    public boolean running() {
        return listeners.running();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public DatacenterKind kind() {
        return DatacenterKind.V3;
    }

    public ArmSpec spec() {
        return spec;
    }

    /** {@code https://127.0.0.1:port}, without a trailing slash: the SDKs add {@code /.default} to it for the scope. */
    public String armEndpoint() {
        return "https://" + HOST + ":" + listeners.apiPort();
    }

    /** Ravnur's token URL: {@code POST {armEndpoint}/auth/token}. */
    public String tokenUrl() {
        return armEndpoint() + "/auth/token";
    }

    /** The Entra-like client-credentials URL ({@code {authority}/{tenant}/oauth2/v2.0/token}, the authority being the ARM endpoint). */
    public String aadTokenUrl() {
        return armEndpoint() + "/" + spec.tenant() + "/oauth2/v2.0/token";
    }

    /** The streaming endpoint's host name, as its {@code hostName} says: {@code 127.0.0.1:port}. */
    public String streamingHost() {
        return HOST + ":" + listeners.originPort();
    }

    @Override
    public String originUrl() {
        return "http://" + streamingHost();
    }

    public Path caFile() {
        return tls.caFile();
    }

    public int apiPort() {
        return listeners.apiPort();
    }

    public int originPort() {
        return listeners.originPort();
    }

    public StorageGateway storage() {
        return storage;
    }

    /** A token as {@code /auth/token} would give it (tests that need a bearer without the HTTP round trip). */
    public String issueToken(Duration lifetime) {
        return api.tokens().issue(spec.subscriptionId(), lifetime);
    }

    @Override
    public void close() {
        stop();
        jobs.close();
        store.close();
    }
}
