package dev.amsh.datacenter.v2;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.ams.model.Locator;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.ops.RunMarker;
import dev.amsh.ops.SasLocator;
import dev.amsh.paging.Paged;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A v2 account's container grants: SAS locators, each with an access policy of its own (named, so a create whose
 * answer was lost is found by the name), listed, found by Id, and removed with their policy.
 */
final class V2Grants {
    private final String context;
    private final AmsClient ams;
    private final Clock clock;

    V2Grants(String context, AmsClient ams, Clock clock) {
        this.context = context;
        this.ams = ams;
        this.clock = clock;
    }

    ContainerGrant create(Asset asset, boolean write, Duration ttl, String mark) {
        return of(SasLocator.create(context, ams, asset, write, ttl, clock, mark).locator());
    }

    /** The locator, then its policy; a grant already gone is nothing to do. */
    void revoke(ContainerGrant grant) {
        Optional<Locator> l = ams.findLocator(grant.id());
        if (l.isPresent()) {
            ams.deleteLocator(l.get().id());
            ams.deleteAccessPolicy(l.get().accessPolicyId());
        }
    }

    /** The SAS locators of an interrupted run of amsh's (their Name carries its run marker). */
    List<ContainerGrant> leftOn(String assetId) {
        return ams.listLocatorsOf(assetId).stream().filter(l -> l.sas() && RunMarker.isTemporary(l.name()))
                .map(V2Grants::of).toList();
    }

    List<ContainerGrant> on(String assetId) {
        return ams.listLocatorsOf(assetId).stream().filter(Locator::sas).map(V2Grants::of).toList();
    }

    Paged<ContainerGrant> all() {
        return ams.listLocators(Query.filter("Type eq " + Locator.SAS)).map(V2Grants::of);
    }

    /** By nb:lid Id or GUID; an Id of another kind, or no Id, refused in one line. */
    Optional<ContainerGrant> find(String id) {
        return ams.findLocator(EntityIds.normalize("lid", id)).filter(Locator::sas).map(V2Grants::of);
    }

    /** A SAS locator as a grant: its Path is the container's SAS URL. */
    private static ContainerGrant of(Locator l) {
        return new ContainerGrant(l.containerName(), l.path(), l.id(), true, l.assetId(), l.expirationDateTime());
    }
}
