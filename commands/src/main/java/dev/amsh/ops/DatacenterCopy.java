package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyOptions;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code copy} for any pair of kinds, the documented blob copy on the seam: the source container into the target
 * asset's (without {@code --into}, the asset named after the source container and marked as its replica, the
 * procedure's CreateTargetEmptyAsset: made when missing, reused on a re-run), server-side with the storage keys, or
 * on a v3 side without keys through its listContainerSas URL.
 */
public final class DatacenterCopy {
    public record Result(MediaAsset source, MediaAsset target, boolean targetCreated, CopyReport report) {
    }

    private final Clock clock;

    public DatacenterCopy(Clock clock) {
        this.clock = clock;
    }

    public Result run(AccountContext from, String asset, AccountContext to, String into, CopyOptions options,
                      Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        Datacenter a = from.datacenter();
        Datacenter b = to.datacenter();
        MediaAsset source = a.resolve(asset);
        DatacenterFailover.refuseEncrypted(source);
        // a wrong key is found before a target asset is made
        for (AccountContext c : List.of(from, to)) {
            if (c.hasStorageKeys()) {
                StorageKeys.check(c);
            } else if (c.datacenter().can().sasLocators()) {
                StorageKeys.require(c); // a v2 write SAS locator cannot list its container: the copy needs the key
            }
        }
        MediaAsset target;
        boolean[] made = {false};
        if (into != null && !into.isBlank()) {
            target = b.resolve(into);
        } else {
            target = Outcomes.findOrCreate(() -> DatacenterFailover.replicaOn(b, source), () -> {
                made[0] = true;
                return b.createAsset(source.container(), ReplicaTargets.marker(source.id()));
            });
        }
        // a v3 side without storage keys is reached through its listContainerSas URL (it lapses; nothing to remove)
        ContainerGrant read = from.hasStorageKeys() ? null : a.grant(source, false, Duration.ofHours(23), null);
        ContainerGrant write = to.hasStorageKeys() ? null : b.grant(target, true, Duration.ofHours(23), null);
        CopyReport report = new CopyEngine(clock).copy(read == null ? from.storage() : from.containerStore(read),
                read == null ? source.container() : read.container(), write == null ? to.storage() : to.containerStore(write),
                write == null ? target.container() : write.container(), options, progress, cancellation);
        return new Result(source, target, made[0], report);
    }
}
