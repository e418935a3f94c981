package dev.amsh.datacenter;

import dev.amsh.error.AmshException;
import dev.amsh.paging.Paged;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One Media Services datacenter, whatever API it speaks; {@code AccountContext.datacenter()} returns it. The
 * operations written against it (publish, locator clone, failover) need no branch on the kind: what a kind lacks,
 * {@link #can()} says, and the step reports why it is skipped. No v2 or v3 wire type appears here.
 */
public interface Datacenter {
    /** The context's name, as messages say it. */
    String name();

    Kind kind();

    Capabilities can();

    /** An asset by name or Id (v2: nb:cid, GUID or Name; v3: name or assetId); one clear line when none or several. */
    MediaAsset resolve(String nameOrId);

    Paged<MediaAsset> assets(AssetQuery query);

    /** Assets named {@code name} (v2 allows several; v3 at most one). */
    List<MediaAsset> named(String name);

    /** A new empty asset; on v3 a PUT, which is idempotent, so a lost answer is simply asked again. */
    MediaAsset createAsset(String name, String alternateId);

    /**
     * A new empty asset in a container of the caller's name where the kind lets the caller name it (v3), so the
     * create's answer already says the container and nothing needs reading again; v2 names the container itself.
     */
    default MediaAsset createAsset(String name, String alternateId, String container) {
        return createAsset(name, alternateId);
    }

    /**
     * A new empty asset with v2's AssetCreationOptions {@code options} (1 StorageEncrypted, as old libraries hold
     * them); 0 is {@link #createAsset(String, String)}. Only v2 makes the others: elsewhere refused in one line.
     */
    default MediaAsset createAsset(String name, int options) {
        if (options != 0) {
            throw new AmshException(kind() + " makes no storage-encrypted assets", "leave --options out on " + name());
        }
        return createAsset(name, (String) null);
    }

    /**
     * The assets whose alternateId is exactly {@code alternateId} (v2: $filter on AlternateId, v3: on
     * properties/alternateId): how a create whose answer was lost finds what it made.
     */
    List<MediaAsset> withAlternateId(String alternateId);

    /** Deletes the asset (its container goes with it); its locators must be gone first on v2. */
    void deleteAsset(MediaAsset asset);

    /** v2: the registered files; v3: the blobs of the container. */
    List<MediaFile> files(MediaAsset asset);

    /**
     * Every file registered in the account, by asset Id (v2: one paged listing of Files, however many assets); none on
     * v3, whose files are the container's blobs.
     */
    default Map<String, List<MediaFile>> allFiles() {
        return Map.of();
    }

    /**
     * Registers the container's blobs as files and marks the one .ism primary; returns what was done. On v3 there
     * is nothing to register: the result says so.
     */
    String registerFiles(MediaAsset asset);

    /**
     * As {@link #registerFiles(MediaAsset)}, marking primary the files named in {@code primary} (a replica's, as its
     * source's are); none named: the one .ism.
     */
    default String registerFiles(MediaAsset asset, Set<String> primary) {
        return registerFiles(asset);
    }

    /** Marks primary those of {@code files} named in {@code names} that are not yet (v2: MERGE, safe to repeat). */
    default void markPrimary(List<MediaFile> files, Set<String> names) {
    }

    /** Access to the asset's container (v2: SAS locator with a policy named {@code mark}; v3: listContainerSas). */
    ContainerGrant grant(MediaAsset asset, boolean write, Duration ttl, String mark);

    /** Undoes a grant that can be undone (v2); a v3 grant only expires. */
    void revoke(ContainerGrant grant);

    /**
     * The grants an interrupted run left on the asset, to be revoked before a re-run makes its own (v2: SAS locators
     * whose Name carries amsh's run marker). A v3 grant is no entity: there is none to find.
     */
    default List<ContainerGrant> leftGrants(MediaAsset asset) {
        return List.of();
    }

    /** Every grant the asset holds that is an entity of its own (v2: its SAS locators); none on v3. */
    default List<ContainerGrant> grants(MediaAsset asset) {
        return List.of();
    }

    /** Every grant of the account that is an entity (v2: every SAS locator); none on v3. */
    default Paged<ContainerGrant> allGrants() {
        return Paged.of(List.of());
    }

    /** The grant with this Id (v2: a SAS locator, by nb:lid Id or GUID); none on v3, which keeps none. */
    default Optional<ContainerGrant> findGrant(String id) {
        return Optional.empty();
    }

    /** The asset's streaming locators (v2 origin locators, v3 streaming locators), SAS locators left out. */
    List<OriginLocator> locators(MediaAsset asset);

    /** Every streaming locator of the account. */
    Paged<OriginLocator> allLocators();

    /** The locator holding {@code guid} in its URL path, if any. */
    Optional<OriginLocator> locator(UUID guid);

    /**
     * A new locator for the asset with the GUID {@code guid} (the caller's choice, so a create whose answer was lost
     * is found by it), streaming clear for {@code window}.
     */
    OriginLocator publish(MediaAsset asset, Window window, UUID guid);

    /**
     * A clone of {@code original} (of any kind) onto {@code asset}: the same GUID, name where the kind allows it,
     * start, end, policy and content keys. A lost answer is looked up, never re-sent into a conflict.
     */
    OriginLocator createClone(OriginLocator original, MediaAsset asset);

    /**
     * The clone {@code replica} with {@code original}'s end where the kind can set it in place (v2: MERGE, safe to
     * repeat), for a clone whose end was not set (its MERGE lost, or a run killed between); the replica as it is now.
     * A v3 locator's end cannot change once made: it is returned as it is.
     */
    default OriginLocator alignEnd(OriginLocator original, OriginLocator replica) {
        return replica;
    }

    void unpublish(OriginLocator locator);

    /** The URL every streaming path of this locator starts with: {@code scheme://host/GUID/}. */
    String streamingBase(OriginLocator locator);

    /**
     * The URLs a locator plays at: v2 the origin locator's Path + the .ism's manifest; v3 the running endpoint's host
     * + each path listPaths gives. Refused in one line when the endpoint is stopped.
     */
    List<String> streamingUrls(OriginLocator locator);

    /** Refuses, in one line with how to fix it, when this datacenter's URLs would serve nothing (a stopped endpoint). */
    void checkStreaming();

    /**
     * The URL a locator's paths start with, {@code scheme://host/GUID/}, whether or not anything serves it now: what
     * {@code verify} and {@code locator inspect} ask the origin for (v2 the origin locator's Path; v3 the streaming
     * endpoint's host, even while it is stopped, so its answer can be explained).
     */
    String originBase(OriginLocator locator);

    /** The endpoint this datacenter's streaming URLs go through, in whatever state it is; empty on v2, whose origin always streams. */
    Optional<EndpointState> streamingEndpointState();

    /** A locator's streaming paths without the host: v3 listPaths; v2 its .ism's manifest (none without an .ism). */
    List<String> paths(OriginLocator locator);

    /** How the service names a locator of this kind: v2 {@code OnDemandOrigin}, v3 {@code streaming}. */
    String locatorType();

    /** The name of the policy a locator streams under: v2 its access policy (read), v3 its streaming policy. */
    String policyName(OriginLocator locator);

    /**
     * What only a kind knows of {@code cleanup}: the temporary entities amsh's runs make and a killed run leaves
     * (v2: SAS locators named {@code amsh-tmp …}, then access policies of amsh's making that no locator uses), removed
     * unless {@code dryRun}; and every asset that holds a locator of any kind, which cleanup leaves alone. v3 makes
     * no such entity (a listContainerSas URL only expires).
     */
    TemporarySweep sweepTemporaries(boolean dryRun);

    /** Streaming endpoints (v2 has none to manage: an empty list). */
    List<EndpointState> endpoints();

    Poller<EndpointState, EndpointState> startEndpoint(String name);

    Poller<EndpointState, EndpointState> stopEndpoint(String name);

    /** Uploads, encodes and jobs on this datacenter. */
    Encoding encoding();
}
