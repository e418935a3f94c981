package dev.amsh.datacenter.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.arm.ArmAccount;
import dev.amsh.arm.ArmClient;
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
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Assets;
import dev.amsh.ops.Outcomes;
import dev.amsh.paging.Paged;
import dev.amsh.storage.BlobEntry;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static dev.amsh.arm.ArmAccount.METADATA_API;

/**
 * A v3 (ARM) datacenter behind the seam: assets by name, the container's blobs as its files (no registration),
 * listContainerSas for grants, streaming locators with a settable streamingLocatorId (PUT 201 once, 409 after:
 * a lost answer is looked up by the locator's name, never re-sent into the 409), endpoints as long-running ops.
 */
public final class V3Datacenter implements Datacenter {
    public static final String CLEAR_STREAMING = "Predefined_ClearStreamingOnly";
    /** Policies whose locators carry no content keys. */
    static final Set<String> CLEAR = Set.of(CLEAR_STREAMING, "Predefined_DownloadOnly", "Predefined_DownloadAndClearStreaming");
    /** listContainerSas refuses an expiry 24 hours or more away. */
    static final Duration SAS_CAP = Duration.ofHours(23);
    private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String name;
    private final ArmClient arm;
    private final Clock clock;
    private final Function<String, List<BlobEntry>> keyedListing;
    private final Function<String, List<BlobEntry>> sasListing;
    private final String streamingScheme;
    private final V3Jobs jobs;
    private final V3Endpoints endpoints;

    /**
     * @param keyedListing the container's blobs through the storage keys, or null when the context has none
     * @param sasListing   the blobs of a container SAS URL (used without keys)
     */
    public V3Datacenter(String name, ArmClient arm, Clock clock, Function<String, List<BlobEntry>> keyedListing,
                        Function<String, List<BlobEntry>> sasListing, String streamingScheme) {
        this.name = name;
        this.arm = arm;
        this.clock = clock;
        this.keyedListing = keyedListing;
        this.sasListing = sasListing;
        this.streamingScheme = streamingScheme == null || streamingScheme.isBlank() ? "https" : streamingScheme;
        this.jobs = new V3Jobs(name, arm, clock, this::files);
        this.endpoints = new V3Endpoints(name, arm);
    }

    public ArmClient arm() {
        return arm;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return Kind.V3;
    }

    public Capabilities can() {
        return Capabilities.V3;
    }

    private String metadata(String collection, String item) {
        return arm.account().path(false) + "/" + collection + (item == null ? "" : "/" + item);
    }

    public MediaAsset resolve(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            throw new AmshException("an asset name is required", "list assets with 'assets ls --on " + name + "'");
        }
        String given = nameOrId.trim();
        if (given.matches("(?i)https?://.*")) {
            String first = given.replaceFirst("(?i)^https?://[^/]+/?", "").split("/")[0];
            if (!GUID.matcher(first).matches()) {
                throw new AmshException("'" + given + "' is not a streaming URL: its path does not start with a locator GUID",
                        "give the asset's name, or a URL like https://host/<streamingLocatorId>/<name>.ism/manifest");
            }
            return ofLocator(UUID.fromString(first), given);
        }
        Optional<JsonNode> byName = arm.find(metadata("assets", given), METADATA_API);
        if (byName.isPresent()) {
            return ArmJson.asset(byName.get());
        }
        String guid = given.replaceFirst("(?i)^nb:cid:uuid:", "");
        if (GUID.matcher(guid).matches()) {
            List<MediaAsset> byId = arm.list(metadata("assets", null), METADATA_API,
                    ArmClient.query("$filter", "properties/assetId eq " + guid), 2).stream().map(ArmJson::asset).toList();
            if (!byId.isEmpty()) {
                return byId.get(0);
            }
            return ofLocator(UUID.fromString(guid), given);
        }
        throw new AmshException("no asset named '" + given + "' on " + name, "list assets with 'assets ls --on " + name + "'");
    }

    private MediaAsset ofLocator(UUID guid, String given) {
        OriginLocator l = locator(guid).orElseThrow(() -> new AmshException("'" + given + "' names streaming locator id "
                + guid + ", which does not exist on " + name, "is it another context's URL? try --on with the other context"));
        return ArmJson.asset(arm.get(metadata("assets", l.asset()), METADATA_API));
    }

    /**
     * v3's $filter has no startswith: a glob is matched here, an exact name becomes {@code name eq}; the caller's
     * $filter (on name, properties/created, properties/alternateId) goes to the service as given.
     */
    public Paged<MediaAsset> assets(AssetQuery q) {
        String filter = q.filter();
        Pattern clientSide = null;
        String glob = q.glob();
        if (glob != null && !glob.isBlank() && !glob.equals("*")) {
            if (!glob.contains("*") && !glob.contains("?")) {
                String eq = "name eq '" + glob.replace("'", "''") + "'";
                filter = filter == null || filter.isBlank() ? eq : "(" + filter + ") and " + eq;
            } else {
                clientSide = Assets.globPattern(glob);
            }
        }
        Paged<MediaAsset> all = arm.list(metadata("assets", null), METADATA_API, ArmClient.query("$filter", filter),
                clientSide == null ? q.top() : null).map(ArmJson::asset);
        if (clientSide == null) {
            return all;
        }
        Pattern p = clientSide;
        List<MediaAsset> matched = all.stream().filter(a -> a.name() != null && p.matcher(a.name()).matches())
                .limit(q.top() == null ? Long.MAX_VALUE : q.top()).toList();
        return Paged.of(matched);
    }

    public List<MediaAsset> named(String assetName) {
        return arm.find(metadata("assets", assetName), METADATA_API).map(ArmJson::asset).stream().toList();
    }

    /** A PUT, idempotent by the name: a lost answer is asked again by the retry layer. The 201 names no container. */
    public MediaAsset createAsset(String assetName, String alternateId) {
        return createAsset(assetName, alternateId, null);
    }

    /** With a container given, the 201 names it: the caller needs no GET to learn where the blobs go. */
    @Override
    public MediaAsset createAsset(String assetName, String alternateId, String container) {
        ObjectNode body = arm.json().createObjectNode();
        ObjectNode props = body.putObject("properties");
        if (alternateId != null) {
            props.put("alternateId", alternateId);
        }
        if (container != null) {
            props.put("container", container);
        }
        return ArmJson.asset(arm.put(metadata("assets", assetName), METADATA_API, body, false).body());
    }

    public List<MediaAsset> withAlternateId(String alternateId) {
        return arm.list(metadata("assets", null), METADATA_API,
                ArmClient.query("$filter", "properties/alternateId eq '" + alternateId.replace("'", "''") + "'"), null)
                .map(ArmJson::asset).toList();
    }

    public void deleteAsset(MediaAsset asset) {
        arm.delete(metadata("assets", asset.name()), METADATA_API);
    }

    public List<MediaFile> files(MediaAsset asset) {
        List<BlobEntry> blobs = keyedListing != null ? keyedListing.apply(asset.container())
                : sasListing.apply(grant(asset, false, Duration.ofHours(1), null).url());
        return blobs.stream().map(b -> new MediaFile(b.name(), b.length(), false, b.name())).toList();
    }

    public String registerFiles(MediaAsset asset) {
        return "not needed on v3: the origin reads the container's blobs as they are";
    }

    public ContainerGrant grant(MediaAsset asset, boolean write, Duration ttl, String mark) {
        Duration life = ttl.compareTo(SAS_CAP) > 0 ? SAS_CAP : ttl;
        Instant expires = clock.instant().plus(life);
        ObjectNode body = arm.json().createObjectNode().put("permissions", write ? "ReadWrite" : "Read")
                .put("expiryTime", expires.toString());
        JsonNode urls = arm.action(metadata("assets", asset.name()) + "/listContainerSas", METADATA_API, body)
                .path("assetContainerSasUrls");
        if (!urls.isArray() || urls.isEmpty()) {
            throw new AmshException("context " + name + ": listContainerSas gave no URL for " + asset.name(),
                    "give the context storage keys (--storage-name, --storage-key) to copy without it");
        }
        String url = urls.get(0).asText();
        String path = url.replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("\\?.*$", "").replaceAll("/+$", "");
        return new ContainerGrant(path.substring(path.lastIndexOf('/') + 1), url, "", false, asset.name(),
                expires);
    }

    /** Nothing to undo: a container SAS URL holds until it expires (or the storage key is rotated). */
    public void revoke(ContainerGrant grant) {
    }

    public List<OriginLocator> locators(MediaAsset asset) {
        JsonNode list = arm.action(metadata("assets", asset.name()) + "/listStreamingLocators", METADATA_API, null);
        return StreamSupport.stream(list.path("streamingLocators").spliterator(), false)
                .map(n -> ArmJson.locator(n, keysOf(n))).toList();
    }

    /** The content keys of a locator that has any (not on the clear policies). */
    private List<String> keysOf(JsonNode locator) {
        String policy = ArmJson.text(locator.has("properties") ? locator.path("properties") : locator, "streamingPolicyName");
        if (policy == null || CLEAR.contains(policy)) {
            return List.of();
        }
        return ArmJson.contentKeys(arm.action(metadata("streamingLocators", ArmJson.text(locator, "name"))
                + "/listContentKeys", METADATA_API, null));
    }

    public Paged<OriginLocator> allLocators() {
        return arm.list(metadata("streamingLocators", null), METADATA_API, ArmClient.query(), null)
                .map(n -> ArmJson.locator(n, List.of()));
    }

    /** No $filter on streamingLocatorId: the listing, read until it is found. */
    public Optional<OriginLocator> locator(UUID guid) {
        return allLocators().stream().filter(l -> l.guid().equals(guid)).findFirst();
    }

    private Optional<OriginLocator> locatorNamed(String locatorName) {
        return arm.find(metadata("streamingLocators", locatorName), METADATA_API).map(n -> ArmJson.locator(n, List.of()));
    }

    public OriginLocator publish(MediaAsset asset, Window window, UUID guid) {
        return create(guid.toString(), asset.name(), guid, CLEAR_STREAMING, window, List.of());
    }

    /** A clone keeps the v3 name of a v3 original; a v2 original's locator gets its GUID as its name. */
    public OriginLocator createClone(OriginLocator original, MediaAsset asset) {
        String locatorName = original.id().startsWith("nb:") ? original.guid().toString() : original.name();
        String policy = original.policy() == null ? CLEAR_STREAMING : original.policy();
        return create(locatorName, asset.name(), original.guid(), policy, original.window(), original.contentKeys());
    }

    /**
     * PUT streamingLocators/{name}, 201 once. A lost answer or a 5xx is looked up by the name: the same id on the
     * same asset is done; nothing there is sent once more; anything else is refused in one line.
     */
    private OriginLocator create(String locatorName, String assetName, UUID guid, String policy, Window window,
                                 List<String> contentKeys) {
        ObjectNode body = arm.json().createObjectNode();
        ObjectNode p = body.putObject("properties").put("assetName", assetName).put("streamingPolicyName", policy)
                .put("streamingLocatorId", guid.toString());
        if (window.start() != null) {
            p.put("startTime", window.start().toString());
        }
        if (window.end() != null) {
            p.put("endTime", window.end().toString());
        }
        if (!contentKeys.isEmpty()) {
            ArrayNode keys = p.putArray("contentKeys");
            for (String k : contentKeys) {
                try {
                    keys.add(arm.json().readTree(k));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        String path = metadata("streamingLocators", locatorName);
        Consumer<OriginLocator> same = found -> {
            if (!found.guid().equals(guid) || !assetName.equals(found.asset())) {
                throw new AmshException("streaming locator " + locatorName + " already exists on " + name + " for asset "
                        + found.asset() + " with id " + found.guid(), "a locator cannot be changed: remove it with 'locators rm "
                        + locatorName + " --on " + name + "' if it is not wanted, or leave it; nothing was changed");
            }
        };
        try {
            return Outcomes.createOrFind(
                    () -> ArmJson.locator(arm.put(path, METADATA_API, body, true).body(), contentKeys),
                    () -> locatorNamed(locatorName).map(f -> {
                        same.accept(f);
                        return f;
                    }));
        } catch (AmsServiceException e) {
            if (!e.isConflict()) {
                throw e;
            }
            // 409: made by an earlier run (or an attempt whose answer was lost): the same is done, another is refused
            Optional<OriginLocator> found = locatorNamed(locatorName);
            if (found.isEmpty()) {
                throw new AmshException("context " + name + ": streaming locator id " + guid + " is already used by another"
                        + " locator", "'locators ls --on " + name + "' shows which; nothing was changed");
            }
            same.accept(found.get());
            return found.get();
        }
    }

    public void unpublish(OriginLocator locator) {
        arm.delete(metadata("streamingLocators", locator.name()), METADATA_API);
    }

    /** {@code scheme://{hostName of the running endpoint}/{streamingLocatorId}/}; a stopped one is said so. */
    public String streamingBase(OriginLocator locator) {
        return base(endpoints.running(), locator);
    }

    private String base(EndpointState endpoint, OriginLocator locator) {
        return streamingScheme + "://" + endpoint.hostName() + "/" + locator.guid() + "/";
    }

    public void checkStreaming() {
        endpoints.running();
    }

    public String originBase(OriginLocator locator) {
        return base(endpoints.streamingAnyState(), locator);
    }

    public Optional<EndpointState> streamingEndpointState() {
        return endpoints.streaming();
    }

    public String locatorType() {
        return "streaming";
    }

    public String policyName(OriginLocator locator) {
        return locator.policy();
    }

    /** v3 makes nothing temporary: only the locators' assets are said. */
    public TemporarySweep sweepTemporaries(boolean dryRun) {
        return TemporarySweep.none(allLocators().stream().map(OriginLocator::asset).collect(Collectors.toSet()));
    }

    public List<String> streamingUrls(OriginLocator locator) {
        EndpointState ep = endpoints.running();
        return paths(locator).stream().map(p -> streamingScheme + "://" + ep.hostName() + p).toList();
    }

    /** The paths of a locator as listPaths gives them (no host). */
    public List<String> paths(OriginLocator locator) {
        JsonNode answer = arm.action(metadata("streamingLocators", locator.name()) + "/listPaths", METADATA_API, null);
        List<String> out = new ArrayList<>();
        answer.path("streamingPaths").forEach(sp -> sp.path("paths").forEach(x -> out.add(x.asText())));
        answer.path("downloadPaths").forEach(x -> out.add(x.asText()));
        return out;
    }

    public List<EndpointState> endpoints() {
        return endpoints.all();
    }

    public Poller<EndpointState, EndpointState> startEndpoint(String endpoint) {
        return endpoints.start(endpoint);
    }

    public Poller<EndpointState, EndpointState> stopEndpoint(String endpoint) {
        return endpoints.stop(endpoint);
    }

    public Encoding encoding() {
        return jobs;
    }

    /** The account this datacenter speaks for, as messages and tests name it. */
    public ArmAccount account() {
        return arm.account();
    }

}
