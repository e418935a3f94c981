package dev.amsh.ops.library;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.storage.BlobStore;

import java.time.Duration;

/** How an asset's container is reached: with storage keys the account's store; without (v3), its listContainerSas URL. */
record ContainerReach(BlobStore store, String container) {
    static ContainerReach of(AccountContext c, MediaAsset asset, boolean write) {
        if (c.hasStorageKeys()) {
            return new ContainerReach(c.storage(), asset.container());
        }
        ContainerGrant g = c.datacenter().grant(asset, write, Duration.ofHours(23), null);
        return new ContainerReach(c.containerStore(g), g.container());
    }
}
