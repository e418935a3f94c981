package dev.amsh.datacenter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    /** Deletes the asset (its container goes with it); its locators must be gone first on v2. */
    void deleteAsset(MediaAsset asset);

    /** v2: the registered files; v3: the blobs of the container. */
    List<MediaFile> files(MediaAsset asset);

    /**
     * Registers the container's blobs as files and marks the one .ism primary; returns what was done. On v3 there
     * is nothing to register: the result says so.
     */
    String registerFiles(MediaAsset asset);

    /** Access to the asset's container (v2: SAS locator with a policy named {@code mark}; v3: listContainerSas). */
    ContainerGrant grant(MediaAsset asset, boolean write, Duration ttl, String mark);

    /** Undoes a grant that can be undone (v2); a v3 grant only expires. */
    void revoke(ContainerGrant grant);

    /** The asset's streaming locators (v2 origin locators, v3 streaming locators), SAS locators left out. */
    List<OriginLocator> locators(MediaAsset asset);

    /** Every streaming locator of the account. */
    Paged<OriginLocator> allLocators();

    /** The locator holding {@code guid} in its URL path, if any. */
    Optional<OriginLocator> locator(UUID guid);

    /** A new locator for the asset with a fresh GUID, streaming clear for {@code window}. */
    OriginLocator publish(MediaAsset asset, Window window);

    /**
     * A clone of {@code original} (of any kind) onto {@code asset}: the same GUID, name where the kind allows it,
     * start, end, policy and content keys. A lost answer is looked up, never re-sent into a conflict.
     */
    OriginLocator createClone(OriginLocator original, MediaAsset asset);

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

    /** Streaming endpoints (v2 has none to manage: an empty list). */
    List<EndpointState> endpoints();

    Poller<EndpointState, EndpointState> startEndpoint(String name);

    Poller<EndpointState, EndpointState> stopEndpoint(String name);
}
