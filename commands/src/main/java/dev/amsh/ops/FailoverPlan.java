package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.ops.DatacenterFailover.Replica;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.BlobStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code failover --dry-run}: what each step would do, from reads alone: the source container and the existing
 * target's (to tell what is copied already), the target's files, and which locators are there. Nothing is written,
 * not even a grant: without storage keys (v3) a listContainerSas URL is asked for, which changes nothing.
 */
final class FailoverPlan {
    private final AccountContext from;
    private final AccountContext to;
    private final DatacenterFailover.StepTitles titles;

    FailoverPlan(AccountContext from, AccountContext to, DatacenterFailover.StepTitles titles) {
        this.from = from;
        this.to = to;
        this.titles = titles;
    }

    DatacenterFailover.Result plan(MediaAsset source, List<OriginLocator> toReplicate, List<Optional<OriginLocator>> present,
                                   List<OriginLocator> expired, FailoverTargets targets, String ism,
                                   DatacenterFailover.Options options, Instant now, Consumer<Step> emit, List<Step> steps) {
        Datacenter a = from.datacenter();
        Datacenter b = to.datacenter();
        Optional<MediaAsset> existing = Optional.ofNullable(targets.chosen());
        boolean sasA = options.viaSas() && a.can().sasLocators();
        boolean sasB = options.viaSas() && b.can().sasLocators();
        emit.accept(new Step(2, titles.of(2), sasA ? Step.Status.PLANNED : Step.Status.SKIPPED, sasA
                ? "policy Read 24h + SAS locator, removed at the end" : DatacenterFailover.withoutGrant(a, source.container())));
        emit.accept(new Step(3, titles.of(3), existing.isPresent() ? Step.Status.SKIPPED : Step.Status.PLANNED,
                existing.map(t -> "reuse " + t.name() + " (" + t.id() + ")").orElse("create '" + source.container() + "'")
                        + (targets.others().isEmpty() ? "" : "; " + targets.others().size() + " duplicate(s) for 'cleanup'")));
        emit.accept(new Step(4, titles.of(4), sasB ? Step.Status.PLANNED : Step.Status.SKIPPED, sasB
                ? "policy Write 24h + SAS locator, removed at the end" : DatacenterFailover.withoutGrant(b,
                existing.map(MediaAsset::container).orElse("of the new asset"))));
        List<BlobEntry> blobs = list(from, a, source);
        Map<String, BlobEntry> there = new HashMap<>();
        existing.ifPresent(t -> list(to, b, t).forEach(e -> there.put(e.name(), e)));
        List<BlobEntry> toCopy = blobs.stream().filter(BlobEntry::isBlockBlob)
                .filter(e -> there.get(e.name()) == null || !there.get(e.name()).isCopyOf(e)).toList();
        long bytes = toCopy.stream().mapToLong(BlobEntry::length).sum();
        emit.accept(new Step(5, titles.of(5), toCopy.isEmpty() ? Step.Status.SKIPPED : Step.Status.PLANNED,
                toCopy.size() + " of " + blobs.size() + " blobs to copy, " + bytes + " bytes, server-side"));
        if (!b.can().registersFiles()) {
            emit.accept(new Step(6, titles.of(6), Step.Status.SKIPPED, b.kind() + ": " + b.registerFiles(source)));
        } else {
            List<String> files = existing.map(t -> b.files(t).stream().map(MediaFile::name).toList()).orElse(List.of());
            boolean registered = toCopy.isEmpty() && !files.isEmpty()
                    && there.keySet().stream().filter(n -> !n.contains("/")).allMatch(files::contains);
            emit.accept(new Step(6, titles.of(6), registered ? Step.Status.SKIPPED : Step.Status.PLANNED,
                    registered ? "files already registered" : "CreateFileInfos, then mark the .ism primary"));
        }
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < toReplicate.size(); i++) {
            replicas.add(new Replica(toReplicate.get(i), present.get(i).orElse(null), present.get(i).isPresent()
                    ? Replica.Outcome.PRESENT : Replica.Outcome.PLANNED));
        }
        expired.forEach(l -> replicas.add(new Replica(l, null, Replica.Outcome.SKIPPED_EXPIRED)));
        boolean allPresent = replicas.stream().noneMatch(r -> r.outcome() == Replica.Outcome.PLANNED);
        emit.accept(new Step(7, titles.of(7), allPresent ? Step.Status.SKIPPED : Step.Status.PLANNED,
                DatacenterFailover.describeReplicas(replicas, b, now)));
        OriginLocator primary = toReplicate.get(0);
        return new DatacenterFailover.Result(source, existing.orElse(null), primary, present.get(0).orElse(null),
                DatacenterFailover.url(a.streamingBase(primary), ism), null, null, List.copyOf(steps), true,
                List.copyOf(replicas), List.of());
    }

    /** A container's blobs: through the storage key, or (v3 without keys) a listContainerSas URL, which writes nothing. */
    private static List<BlobEntry> list(AccountContext c, Datacenter dc, MediaAsset asset) {
        if (c.hasStorageKeys()) {
            return c.storage().list(asset.container());
        }
        ContainerGrant g = dc.grant(asset, false, Duration.ofHours(1), null);
        BlobStore store = c.containerStore(g);
        return store.list(g.container());
    }
}
