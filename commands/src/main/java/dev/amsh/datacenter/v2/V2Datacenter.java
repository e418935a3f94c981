package dev.amsh.datacenter.v2;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.LocatorRequest;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.ams.model.Locator;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Capabilities;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Encoding;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.Kind;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.datacenter.Poller;
import dev.amsh.datacenter.TemporarySweep;
import dev.amsh.datacenter.Window;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Assets;
import dev.amsh.ops.Policies;
import dev.amsh.ops.RegisterFiles;
import dev.amsh.ops.StreamingUrls;
import dev.amsh.ops.TemporarySasSweep;
import dev.amsh.paging.Paged;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A v2 datacenter behind the seam: today's {@link AmsClient} and its helpers (Assets, Policies, SasLocator,
 * RegisterFiles, V2Clones with its MERGE of the expiry), mapped to the neutral records. v2 behaviour is
 * theirs, unchanged: this class only translates.
 */
public final class V2Datacenter implements Datacenter {
    private final String name;
    private final AmsClient ams;
    private final Clock clock;
    private final V2Jobs jobs;
    private final V2Grants grants;
    private final V2Clones clones;
    /** Read policies of exactly one window, by its seconds: a library's clones share them. */
    private final Map<Long, AccessPolicy> exactPolicies = new ConcurrentHashMap<>();
    /** The Path of each origin locator this datacenter made, by Id: a locator's Path never changes. */
    private final Map<String, String> madePaths = new ConcurrentHashMap<>();

    public V2Datacenter(String name, AmsClient ams, Clock clock) {
        this.name = name;
        this.ams = ams;
        this.clock = clock;
        this.jobs = new V2Jobs(ams);
        this.grants = new V2Grants(name, ams, clock);
        this.clones = new V2Clones(clock);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return Kind.V2;
    }

    public Capabilities can() {
        return Capabilities.V2;
    }

    public MediaAsset resolve(String nameOrId) {
        return asset(Assets.resolve(ams, nameOrId));
    }

    public Paged<MediaAsset> assets(AssetQuery q) {
        return Paged.of(Assets.list(ams, q.glob(), q.filter(), q.top())).map(V2Datacenter::asset);
    }

    public List<MediaAsset> named(String assetName) {
        return ams.listAssets(Query.filter("Name eq " + Query.literal(assetName))).stream().map(V2Datacenter::asset).toList();
    }

    public MediaAsset createAsset(String assetName, String alternateId) {
        return asset(ams.createAsset(assetName, Asset.OPTION_NONE, null, alternateId));
    }

    public MediaAsset createAsset(String assetName, int options) {
        return asset(ams.createAsset(assetName, options, null));
    }

    public List<MediaAsset> withAlternateId(String alternateId) {
        return ams.listAssets(Query.filter("AlternateId eq " + Query.literal(alternateId))).stream().map(V2Datacenter::asset).toList();
    }

    public void deleteAsset(MediaAsset asset) {
        ams.deleteAsset(asset.id());
    }

    public List<MediaFile> files(MediaAsset asset) {
        return ams.listFiles(asset.id()).stream().map(V2Datacenter::file).toList();
    }

    public Map<String, List<MediaFile>> allFiles() {
        return ams.listFiles(Query.all()).stream().collect(Collectors.groupingBy(AssetFile::parentAssetId,
                Collectors.mapping(V2Datacenter::file, Collectors.toList())));
    }

    public String registerFiles(MediaAsset asset) {
        ams.createFileInfos(asset.id());
        List<AssetFile> files = ams.listFiles(asset.id());
        String primary = RegisterFiles.markPrimaryManifest(ams, files);
        return files.size() + " files registered" + (primary == null ? "" : ", " + primary + " primary");
    }

    public String registerFiles(MediaAsset asset, Set<String> primary) {
        if (primary.isEmpty()) {
            return registerFiles(asset);
        }
        ams.createFileInfos(asset.id());
        List<MediaFile> files = ams.listFiles(asset.id()).stream().map(V2Datacenter::file).toList();
        markPrimary(files, primary);
        return files.size() + " files registered, " + String.join(", ", primary) + " primary";
    }

    public void markPrimary(List<MediaFile> files, Set<String> names) {
        for (MediaFile f : files) {
            if (names.contains(f.name()) && !f.primary()) {
                ams.updateFile(f.id(), Map.of("IsPrimary", true));
            }
        }
    }

    public ContainerGrant grant(MediaAsset asset, boolean write, Duration ttl, String mark) {
        return grants.create(v2(asset), write, ttl, mark);
    }

    public void revoke(ContainerGrant grant) {
        grants.revoke(grant);
    }

    public List<ContainerGrant> leftGrants(MediaAsset asset) {
        return grants.leftOn(asset.id());
    }

    public List<ContainerGrant> grants(MediaAsset asset) {
        return grants.on(asset.id());
    }

    public Paged<ContainerGrant> allGrants() {
        return grants.all();
    }

    public Optional<ContainerGrant> findGrant(String id) {
        return grants.find(id);
    }

    public List<OriginLocator> locators(MediaAsset asset) {
        return ams.listLocatorsOf(asset.id()).stream().filter(Locator::onDemandOrigin)
                .map(V2Datacenter::locator).toList();
    }

    public Paged<OriginLocator> allLocators() {
        return ams.listLocators(Query.filter("Type eq " + Locator.ON_DEMAND_ORIGIN)).map(V2Datacenter::locator);
    }

    public Optional<OriginLocator> locator(UUID guid) {
        return ams.findLocator(EntityIds.newId("lid", guid)).filter(Locator::onDemandOrigin)
                .map(V2Datacenter::locator);
    }

    public OriginLocator publish(MediaAsset asset, Window window, UUID guid) {
        Instant start = window.start() == null ? clock.instant() : window.start();
        AccessPolicy policy = Policies.readPolicyCovering(ams, start, window.end());
        return locator(remembered(ams.createLocator(new LocatorRequest(EntityIds.newId("lid", guid), asset.id(),
                policy.id(), Locator.ON_DEMAND_ORIGIN, window.start(), null))));
    }

    /**
     * The v2 clone: CreateLocator with the Id nb:lid:UUID:G (safe to repeat by its Id). Where the original has a start
     * and an end, an access policy of exactly that window (one per distinct window, kept by this datacenter) gives
     * the expiry in the same call; else the expiry is set by MERGE.
     */
    public OriginLocator createClone(OriginLocator original, MediaAsset asset) {
        if (!original.contentKeys().isEmpty()) {
            throw new AmshException("locator " + original.id() + " carries content keys, which a v2 origin locator cannot",
                    "v3 → v2 works for clear streaming locators only");
        }
        Locator like = like(original, asset.id());
        Instant start = original.start();
        Instant end = original.end();
        if (start == null || end == null || !end.isAfter(start)) {
            return locator(remembered(clones.createClone(like, ams, ams.getAsset(asset.id()))));
        }
        long seconds = Duration.between(start.truncatedTo(ChronoUnit.SECONDS), end.truncatedTo(ChronoUnit.SECONDS)).toSeconds();
        AccessPolicy policy = exactPolicies.computeIfAbsent(seconds, x -> Policies.exactReadPolicy(ams, x));
        Locator made;
        try {
            made = ams.createLocator(new LocatorRequest(like.id(), asset.id(), policy.id(), Locator.ON_DEMAND_ORIGIN, start,
                    original.name()));
        } catch (RuntimeException e) {
            exactPolicies.remove(seconds, policy); // should it be gone, the next clone looks it up again
            throw e;
        }
        remembered(made);
        return locator(clones.alignExpiry(like, made, ams));
    }

    /** A locator this datacenter made, its Path kept from the create's answer so its URL costs no second read. */
    private Locator remembered(Locator made) {
        if (made.path() != null) {
            madePaths.put(made.id(), made.path());
        }
        return made;
    }

    public OriginLocator alignEnd(OriginLocator original, OriginLocator replica) {
        Locator there = new Locator(replica.id(), replica.name(), Locator.TYPES.name(Locator.ON_DEMAND_ORIGIN), replica.asset(), null,
                replica.start(), replica.end(), null, null, null);
        Locator aligned = clones.alignExpiry(like(original, replica.asset()), there, ams);
        return aligned == there ? replica : locator(aligned);
    }

    private static Locator like(OriginLocator original, String assetId) {
        return new Locator(EntityIds.newId("lid", original.guid()), original.name(), Locator.TYPES.name(Locator.ON_DEMAND_ORIGIN), assetId, null,
                original.start(), original.end(), null, null, null);
    }

    public void unpublish(OriginLocator locator) {
        madePaths.remove(locator.id());
        ams.deleteLocator(locator.id());
    }

    public String streamingBase(OriginLocator locator) {
        String made = madePaths.get(locator.id());
        return made != null ? made : ams.getLocator(locator.id()).path();
    }

    /** The origin locator's Path + the .ism's manifest; without an .ism, the Path (its files download from it). */
    public List<String> streamingUrls(OriginLocator locator) {
        String base = streamingBase(locator);
        return List.of(StreamingUrls.manifest(ams.listFiles(locator.asset())).map(f -> StreamingUrls.manifestUrl(base, f.name()))
                .orElse(base));
    }

    /** A v2 origin always streams. */
    public void checkStreaming() {
    }


    public String originBase(OriginLocator locator) {
        return streamingBase(locator);
    }

    public Optional<EndpointState> streamingEndpointState() {
        return Optional.empty();
    }

    public List<String> paths(OriginLocator locator) {
        return StreamingUrls.manifest(ams.listFiles(locator.asset()))
                .map(f -> List.of("/" + locator.guid() + "/" + f.name() + "/manifest")).orElse(List.of());
    }

    public String locatorType() {
        return "OnDemandOrigin";
    }

    public String policyName(OriginLocator locator) {
        return ams.getAccessPolicy(ams.getLocator(locator.id()).accessPolicyId()).name();
    }

    public TemporarySweep sweepTemporaries(boolean dryRun) {
        return TemporarySasSweep.run(ams, dryRun);
    }

    public List<EndpointState> endpoints() {
        return List.of();
    }

    public Poller<EndpointState, EndpointState> startEndpoint(String endpoint) {
        throw noEndpoints();
    }

    public Poller<EndpointState, EndpointState> stopEndpoint(String endpoint) {
        throw noEndpoints();
    }

    private AmshException noEndpoints() {
        return new AmshException("context " + name + " is a v2 account: its origin streams without endpoints to start or stop",
                "'endpoints' applies to v3 contexts");
    }

    public Encoding encoding() {
        return jobs;
    }

    public static MediaAsset asset(Asset a) {
        return new MediaAsset(a.id(), a.name(), a.containerName(), a.alternateId(), a.storageEncrypted(), a.created(),
                a.state(), a.options(), a.storageAccountName(), a.lastModified());
    }

    public static MediaFile file(AssetFile f) {
        return new MediaFile(f.name(), f.contentFileSize(), f.isPrimary(), f.id());
    }

    /** The v2 record of an asset this datacenter gave out, for the v2 helpers that take one (no read: nothing it lacks is used). */
    private static Asset v2(MediaAsset a) {
        return new Asset(a.id(), a.name(), a.state(), a.options(), a.alternateId(), null, a.storageAccount(), null,
                a.created(), a.lastModified());
    }

    public static OriginLocator locator(Locator l) {
        return new OriginLocator(UUID.fromString(l.guid()), l.id(), l.name(), l.assetId(), l.startTime(),
                l.expirationDateTime(), null, List.of());
    }
}
