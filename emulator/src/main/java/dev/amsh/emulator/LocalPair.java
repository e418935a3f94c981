package dev.amsh.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.amsh.emulator.arm.ArmDatacenter;
import dev.amsh.emulator.arm.ArmSpec;
import dev.amsh.emulator.common.DatacenterListeners;
import dev.amsh.emulator.common.OwnerOnlyFiles;
import dev.amsh.emulator.common.TestCertificates;
import dev.amsh.emulator.encoder.Ffmpeg;
import dev.amsh.emulator.faults.FaultInjector;
import dev.amsh.emulator.faults.FaultyHandler;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.emulator.front.Front;
import dev.amsh.emulator.front.FrontEndpoint;
import dev.amsh.emulator.front.FrontSettings;
import dev.amsh.emulator.encoder.MediaEncoderStandard;
import dev.amsh.emulator.storage.AzuriteProcess;
import dev.amsh.emulator.storage.StorageAccountSpec;
import dev.amsh.emulator.storage.StorageGateway;
import dev.amsh.emulator.storage.StorageProxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The local pair of datacenters: two emulated Media Services accounts, a and b, each of kind v2 (REST) or v3
 * (ARM over HTTPS with the pair's test CA), whose storage accounts live in one Azurite process. Credentials and ports are generated on first start and kept in the data directory
 * with the entities, so stopping and starting the pair loses nothing.
 */
public final class LocalPair implements AutoCloseable {
    public static final List<String> NAMES = List.of("a", "b");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where the pair keeps its data and finds its tools, and how it behaves. */
    public record Options(Path dataDir, Path toolsDir, Clock clock, Supplier<UUID> ids, Duration tokenLifetime,
                          Consumer<String> log, List<DatacenterKind> kinds) {
        public static Options at(Path dataDir, Path toolsDir) {
            return new Options(dataDir, toolsDir, Clock.systemUTC(), UUID::randomUUID, Duration.ofHours(6), s -> { },
                    List.of(DatacenterKind.V2, DatacenterKind.V2));
        }

        public Options withTokenLifetime(Duration d) {
            return new Options(dataDir, toolsDir, clock, ids, d, log, kinds);
        }

        public Options withLog(Consumer<String> l) {
            return new Options(dataDir, toolsDir, clock, ids, tokenLifetime, l, kinds);
        }

        /** a's and b's kinds (v2 both by default). */
        public Options withKinds(List<DatacenterKind> k) {
            if (k.size() != NAMES.size()) {
                throw new IllegalArgumentException("the pair needs one kind per datacenter (a, b)");
            }
            return new Options(dataDir, toolsDir, clock, ids, tokenLifetime, log, List.copyOf(k));
        }

        public Options withClock(Clock c) {
            return new Options(dataDir, toolsDir, c, ids, tokenLifetime, log, kinds);
        }
    }

    private final Options options;
    private final Map<String, PairMember> datacenters = new LinkedHashMap<>();
    private TestCertificates tls;
    private HttpServer storageProxy;
    private final Map<String, String> datacenterOfAccount = new LinkedHashMap<>();
    private final FaultInjector faults = new FaultInjector();
    private Front front;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "amsh-pair-timer");
        t.setDaemon(true);
        return t;
    });
    private ExecutorService proxyExecutor;
    private EmulatorLog log = EmulatorLog.none();
    private AzuriteProcess azurite;
    private final List<MediaEncoderStandard> encoders = new ArrayList<>();
    private Path ffmpeg;

    public LocalPair(Options options) {
        this.options = options;
    }

    /** Starts Azurite and both datacenters; on any failure, whatever did start is stopped again. */
    public synchronized LocalPair start() throws IOException {
        try {
            return startAll();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private LocalPair startAll() throws IOException {
        Files.createDirectories(options.dataDir());
        PairIdentity pairIdentity = PairIdentity.loadOrCreate(options.dataDir().resolve("identity.json"), NAMES);
        ObjectNode identity = pairIdentity.root();
        List<StorageAccountSpec> accounts = new ArrayList<>();
        for (String n : NAMES) {
            accounts.add(pairIdentity.storage(n));
        }
        azurite = new AzuriteProcess(options.toolsDir().resolve("azurite"), options.dataDir().resolve("azurite"), accounts,
                freeOr(identity.path("azuritePort").asInt(0)), options.log());
        azurite.start();
        identity.put("azuritePort", azurite.port());
        log = new EmulatorLog(options.dataDir().resolve(EmulatorLog.FILE), options.clock());
        EmulatorLog pairLog = log;
        faults.onInjected(i -> pairLog.line(i.datacenter() + " FAULT " + i.kind().word() + " on " + i.surface().word()
                + ": " + i.request()));
        // not a fixed pool: a Copy Blob From URL holds its thread while Azurite reads the source back through this
        // same proxy, so a bounded pool full of copies would wait on itself
        proxyExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "amsh-storage-proxy");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < NAMES.size(); i++) {
            datacenterOfAccount.put(accounts.get(i).name(), NAMES.get(i));
        }
        startStorageProxy(freeOr(identity.path("storagePort").asInt(0)));
        identity.put("storagePort", storageProxy.getAddress().getPort());
        if (options.kinds().contains(DatacenterKind.V3)) {
            tls = TestCertificates.inDirectory(options.dataDir().resolve("tls"));
        }
        for (int i = 0; i < NAMES.size(); i++) {
            String n = NAMES.get(i);
            ObjectNode dc = pairIdentity.datacenter(n);
            if (options.kinds().get(i) == DatacenterKind.V3) {
                startV3(pairIdentity.v3(n), pairIdentity.v3Node(n), accounts.get(i));
                continue;
            }
            DatacenterSpec spec = pairIdentity.v2(n);
            StorageGateway gateway = new StorageGateway(accounts.get(i), azurite.blobEndpoint(accounts.get(i).name()),
                    storageEndpoint(accounts.get(i).name()));
            Datacenter d = new Datacenter(spec, gateway, options.dataDir().resolve(n), options.clock(), options.ids(),
                    options.tokenLifetime(), freeOr(dc.path("apiPort").asInt(0)), freeOr(dc.path("originPort").asInt(0)),
                    faults, log, timer);
            MediaEncoderStandard encoder = new MediaEncoderStandard(d.api(), this::ffmpeg, options.clock());
            d.api().setJobRunner(encoder);
            encoders.add(encoder);
            d.start();
            encoder.resumeUnfinished();
            dc.put("apiPort", d.apiPort()).put("originPort", d.originPort());
            datacenters.put(n, d);
        }
        List<FrontEndpoint> behindFront = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            PairMember d = datacenters.get(NAMES.get(i));
            behindFront.add(new FrontEndpoint(NAMES.get(i), i + 1, d::originUrl));
        }
        front = new Front(behindFront, FrontSettings.defaults(), options.clock(), freeOr(identity.path("frontPort").asInt(0)));
        identity.put("frontPort", front.port());
        pairIdentity.save();
        return this;
    }

    /** A v3 datacenter: its ARM identity is made the first time the pair starts it as v3, and kept. */
    private void startV3(ArmSpec spec, ObjectNode v3, StorageAccountSpec storage) throws IOException {
        String n = spec.name();
        StorageGateway gateway = new StorageGateway(storage, azurite.blobEndpoint(storage.name()), storageEndpoint(storage.name()));
        ArmDatacenter d = new ArmDatacenter(spec, tls, gateway, options.dataDir().resolve(n), options.clock(), options.ids(),
                options.tokenLifetime(), freeOr(v3.path("apiPort").asInt(0)), freeOr(v3.path("originPort").asInt(0)),
                this::ffmpeg, faults, log, timer);
        datacenters.put(n, d);
        d.start();
        v3.put("apiPort", d.apiPort()).put("originPort", d.originPort());
    }

    /**
     * The storage endpoint clients reach: one fault-injecting proxy in front of Azurite for both accounts (path
     * style, like Azurite itself), each request's datacenter told by the account in its path.
     */
    private void startStorageProxy(int port) throws IOException {
        HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getByName(Datacenter.HOST), port), 128);
        server.createContext("/", new FaultyHandler(this::datacenterOfStoragePath, Surface.STORAGE, faults,
                new StorageProxy("http://" + Datacenter.HOST + ":" + azurite.port()), timer, DatacenterListeners.HANG_MILLIS)
                // Azurite checking a copy source is the storage service's own traffic: a failed copy is injected
                // on the client's copy request instead
                .exempting(ex -> String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")).startsWith("axios")));
        server.setExecutor(proxyExecutor);
        server.start();
        storageProxy = server;
    }

    private String datacenterOfStoragePath(String path) {
        String account = path.replaceFirst("^/", "").split("/", 2)[0];
        return datacenterOfAccount.getOrDefault(account, "");
    }

    public String storageEndpoint(String account) {
        return "http://" + Datacenter.HOST + ":" + storageProxy.getAddress().getPort() + "/" + account;
    }

    /** The injector behind every surface of both datacenters ({@code local faults}). */
    public FaultInjector faults() {
        return faults;
    }

    public EmulatorLog log() {
        return log;
    }

    /** Datacenter a or b, either kind (start, stop, origin). */
    public PairMember member(String name) {
        PairMember d = datacenters.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no datacenter '" + name + "' (the pair has a and b)");
        }
        return d;
    }

    /** A v2 datacenter of the pair. */
    public Datacenter datacenter(String name) {
        if (member(name) instanceof Datacenter d) {
            return d;
        }
        throw new IllegalArgumentException("datacenter '" + name + "' is v3; use armDatacenter(\"" + name + "\")");
    }

    /** A v3 datacenter of the pair. */
    public ArmDatacenter armDatacenter(String name) {
        if (member(name) instanceof ArmDatacenter d) {
            return d;
        }
        throw new IllegalArgumentException("datacenter '" + name + "' is v2; use datacenter(\"" + name + "\")");
    }

    public List<DatacenterKind> kinds() {
        return options.kinds();
    }

    /** The test CA's PEM, when a v3 datacenter is in the pair. */
    public Path caFile() {
        return tls == null ? null : tls.caFile();
    }

    /** The ffmpeg the encoders run, found (or installed) on the first job. */
    public synchronized Path ffmpeg() {
        if (ffmpeg == null) {
            try {
                ffmpeg = Ffmpeg.locate(options.toolsDir().resolve("ffmpeg"), options.log());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ffmpeg;
    }

    /** The front over both origins (the procedure's traffic manager or CDN). */
    public Front front() {
        return front;
    }

    public AzuriteProcess azurite() {
        return azurite;
    }

    public Endpoints endpoints(String control, String controlToken) {
        List<Endpoints.DatacenterEndpoints> list = new ArrayList<>();
        for (PairMember m : datacenters.values()) {
            if (m instanceof ArmDatacenter d) {
                ArmSpec s = d.spec();
                list.add(Endpoints.DatacenterEndpoints.v3(s.name(), d.armEndpoint(), s.subscriptionId(), s.resourceGroup(),
                        s.accountName(), d.tokenUrl(), s.apiKey(), s.tenant(), s.clientId(), s.clientSecret(),
                        d.aadTokenUrl(), s.storageAccount(), s.storageKey(), storageEndpoint(s.storageAccount()),
                        d.streamingHost(), d.originUrl()));
                continue;
            }
            Datacenter d = (Datacenter) m;
            DatacenterSpec s = d.spec();
            list.add(new Endpoints.DatacenterEndpoints(s.name(), d.globalApiRoot(), d.clusterApiRoot(), d.acsTokenUrl(),
                    d.aadTokenUrl(), s.tenant(), s.accountName(), s.accountKey(), s.clientId(), s.clientSecret(),
                    s.storageAccount(), s.storageKey(), storageEndpoint(s.storageAccount()), d.originUrl()));
        }
        return new Endpoints(list, front == null ? null : front.url(), control, controlToken,
                tls == null ? null : tls.caFile().toAbsolutePath().toString());
    }

    /** Writes the endpoints; the CA's path is written relative to the file when it sits below the file's folder. */
    public static void writeEndpoints(Path file, Endpoints endpoints) throws IOException {
        Endpoints out = endpoints;
        if (endpoints.caFile() != null) {
            Path ca = Path.of(endpoints.caFile()).toAbsolutePath().normalize();
            Path dir = file.toAbsolutePath().normalize().getParent();
            out = endpoints.withCaFile(dir != null && ca.startsWith(dir) ? dir.relativize(ca).toString() : ca.toString());
        }
        writeOwnerOnly(file, JSON.writeValueAsBytes(out));
    }

    /**
     * Builds the JSON reader of an endpoints file without reading one, so that a client can do it on another thread
     * before its first {@link #readEndpoints}.
     */
    public static void prepareReader() {
        try {
            JSON.readValue("{\"datacenters\":[]}", Endpoints.class);
        } catch (IOException e) {
            throw new IllegalStateException("the endpoints reader cannot read an empty file", e);
        }
    }

    /** Reads endpoints written by {@link #writeEndpoints}; {@code caFile} comes back absolute. */
    public static Endpoints readEndpoints(Path file) throws IOException {
        Endpoints e = JSON.readValue(file.toFile(), Endpoints.class);
        if (e.caFile() != null) {
            Path dir = file.toAbsolutePath().normalize().getParent();
            e = e.withCaFile(dir.resolve(e.caFile()).normalize().toString());
        }
        return e;
    }

    /** The port used last time when it is still free, or 0 for a fresh one. */
    private static int freeOr(int port) {
        if (port <= 0) {
            return 0;
        }
        try (var s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName(Datacenter.HOST))) {
            return port;
        } catch (IOException e) {
            return 0;
        }
    }

    static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        OwnerOnlyFiles.write(file, bytes);
    }

    @Override
    public synchronized void close() {
        if (front != null) {
            front.close();
        }
        encoders.forEach(MediaEncoderStandard::close);
        datacenters.values().forEach(PairMember::close);
        datacenters.clear();
        if (storageProxy != null) {
            storageProxy.stop(0);
        }
        if (proxyExecutor != null) {
            proxyExecutor.shutdownNow();
        }
        timer.shutdownNow();
        if (azurite != null) {
            azurite.close();
        }
    }
}
