package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.error.AmshException;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyOptions;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code copy} for a pair with a v3 side, on the seam: the source container into the target asset's (named after
 * the source container and marked as its replica, made when missing), server-side with the storage keys.
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
        if (source.encrypted()) {
            throw new AmshException("asset " + source.name() + " is storage-encrypted and cannot be replicated",
                    "the encryption key differs per account; replicate a clear asset instead");
        }
        StorageKeys.check(from);
        StorageKeys.check(to);
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
        CopyReport report = new CopyEngine(clock).copy(from.storage(), source.container(), to.storage(), target.container(),
                options, progress, cancellation);
        return new Result(source, target, made[0], report);
    }
}
