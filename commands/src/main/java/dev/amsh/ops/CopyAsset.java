package dev.amsh.ops;

import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyOptions;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The documented blob copy: the asset's container on one context's storage into a target asset's
 * container on another's. Without {@code --into}, the target asset is the one named after the source
 * container (the procedure's CreateTargetEmptyAsset), created when missing and reused on a re-run.
 */
public final class CopyAsset {
    public record Result(Asset source, Asset target, boolean targetCreated, CopyReport report) {
    }

    private final Clock clock;

    public CopyAsset(Clock clock) {
        this.clock = clock;
    }

    public Result run(AccountContext from, String asset, AccountContext to, String into, CopyOptions options,
                      Consumer<CopyProgress> progress, CopyCancellation cancellation) {
        Asset source = Assets.resolve(from.ams(), asset);
        refuseEncrypted(source);
        StorageKeys.check(from); // a wrong key is found before a target asset is made
        StorageKeys.check(to);
        Target target = target(to, source, into);
        CopyReport report = new CopyEngine(clock).copy(from.storage(), source.containerName(), to.storage(),
                target.asset().containerName(), options, progress, cancellation);
        return new Result(source, target.asset(), target.created(), report);
    }

    static void refuseEncrypted(Asset source) {
        if (source.storageEncrypted()) {
            throw new AmshException("asset " + source.name() + " is StorageEncrypted and cannot be replicated",
                    "the encryption key differs per account; replicate a clear (Options=0) asset instead");
        }
    }

    record Target(Asset asset, boolean created) {
    }

    static Target target(AccountContext to, Asset source, String into) {
        if (into != null && !into.isBlank()) {
            return new Target(Assets.resolve(to.ams(), into), false);
        }
        ReplicaTargets.Created t = ReplicaTargets.findOrCreate(to.ams(), source);
        return new Target(t.asset(), t.created());
    }
}
