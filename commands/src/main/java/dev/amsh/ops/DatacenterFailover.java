package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.storage.BlobCopyOutcome;
import dev.amsh.storage.CopyCancellation;
import dev.amsh.storage.CopyEngine;
import dev.amsh.storage.CopyProgress;
import dev.amsh.storage.CopyReport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The documented failover written once against {@link Datacenter}, for every pair of kinds: v2 → v2, v2 → v3 (the
 * migration: origin locator nb:lid:UUID:G becomes the streaming locator with streamingLocatorId G, so the URL path
 * is kept), v3 → v3 (the HA sample's recipe) and v3 → v2 (clear locators). What a kind lacks is asked of {@link
 * Datacenter#can()}, and each step says per kind what it did or why it is skipped. Step titles are {@link
 * Failover}'s. Every write is safe when its answer is lost: the target asset is found by its name and mark, a
 * locator by its GUID, before anything is made again.
 */
public final class DatacenterFailover {
    /** One locator of the source and its replica on the target (null when expired, or in a dry run). */
    public record Replica(OriginLocator source, OriginLocator replica, Failover.LocatorReplica.Outcome outcome) {
    }

    public record Result(MediaAsset source, MediaAsset target, OriginLocator sourceLocator, OriginLocator targetLocator,
                         String originalUrl, String replicatedUrl, CopyReport copy, List<Step> steps, boolean dryRun,
                         List<Replica> locators, List<String> leftovers) {
        public boolean clean() {
            return leftovers.isEmpty();
        }
    }

    /** A grant this run made, with the datacenter that undoes it. */
    private record Held(Datacenter datacenter, ContainerGrant grant) {
    }

    private final Clock clock;
    private final Supplier<UUID> ids;

    public DatacenterFailover(Clock clock) {
        this(clock, UUID::randomUUID);
    }

    public DatacenterFailover(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Result run(AccountContext from, AccountContext to, String asset, Failover.Options options, Consumer<Step> onStep,
                      Consumer<CopyProgress> onProgress, CopyCancellation cancellation) {
        List<Step> steps = new ArrayList<>();
        Consumer<Step> emit = s -> {
            steps.add(s);
            onStep.accept(s);
        };
        if (from.name().equals(to.name())) {
            throw new AmshException("--to " + to.name() + " is the source context", "fail over to the other datacenter");
        }
        Datacenter a = from.datacenter();
        Datacenter b = to.datacenter();
        Failover.StepTitles titles = new Failover.StepTitles(from.name(), to.name());
        Instant now = clock.instant();

        // 1. the source, its locators and its manifest; every refusal comes before any change
        MediaAsset source = a.resolve(asset);
        if (source.encrypted()) {
            throw new AmshException("asset " + source.name() + " is storage-encrypted and cannot be replicated",
                    "the encryption key differs per account; replicate a clear asset instead");
        }
        List<OriginLocator> all = a.locators(source).stream()
                .sorted(Comparator.comparing((OriginLocator l) -> window(l, now).state())
                        .thenComparing(l -> l.start() == null ? Instant.MIN : l.start())).toList();
        List<OriginLocator> toReplicate = all.stream().filter(l -> window(l, now).state() != LocatorWindow.State.EXPIRED).toList();
        List<OriginLocator> expired = all.stream().filter(l -> window(l, now).state() == LocatorWindow.State.EXPIRED).toList();
        if (toReplicate.isEmpty()) {
            throw new AmshException("asset " + source.name() + " has no " + (expired.isEmpty() ? "" : "unexpired ")
                    + "streaming locator on " + from.name(), "publish it first: publish " + source.name() + " --on " + from.name());
        }
        String ism = manifest(a.files(source));
        emit.accept(new Step(1, titles.of(1), Step.Status.DONE, source.name() + ", "
                + describe(toReplicate, expired, now) + " (" + a.kind() + " → " + b.kind() + ")"));
        checkStorage(from, a);
        checkStorage(to, b);
        b.checkStreaming();

        List<Optional<OriginLocator>> present = toReplicate.stream().map(l -> b.locator(l.guid())).toList();
        MediaAsset existing = existingTarget(b, source, toReplicate, present, to.name());
        if (options.dryRun()) {
            return plan(a, b, titles, source, toReplicate, present, existing, ism, emit, steps, expired);
        }

        RunMarker run = RunMarker.create(ids);
        List<Held> grants = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        try {
            ContainerGrant read = grantStep(2, titles, a, source, false, options.viaSas() || !from.hasStorageKeys(),
                    run.name("read"), grants, emit);
            MediaAsset target;
            if (existing == null) {
                boolean[] made = {false};
                target = Outcomes.findOrCreate(() -> replicaOn(b, source), () -> {
                    made[0] = true;
                    return b.createAsset(source.container(), ReplicaTargets.marker(source.id()));
                });
                emit.accept(new Step(3, titles.of(3), made[0] ? Step.Status.DONE : Step.Status.SKIPPED,
                        (made[0] ? "" : "found after a lost answer: ") + target.name() + " (" + target.id() + ")"));
            } else {
                target = existing;
                emit.accept(new Step(3, titles.of(3), Step.Status.SKIPPED, "reusing " + target.name() + " (" + target.id()
                        + ") from an earlier run"));
            }
            ContainerGrant write = grantStep(4, titles, b, target, true, options.viaSas() || !to.hasStorageKeys(),
                    run.name("write"), grants, emit);
            String targetContainer = write.container();

            // without storage keys (v3), each side is reached through its listContainerSas URL
            CopyReport report = new CopyEngine(clock).copy(from.hasStorageKeys() ? from.storage() : from.containerStore(read),
                    read.container(), to.hasStorageKeys() ? to.storage() : to.containerStore(write), targetContainer,
                    options.copy(), onProgress, cancellation);
            if (report.cancelled()) {
                emit.accept(new Step(5, titles.of(5), Step.Status.FAILED, "cancelled; re-run to pick up"));
                throw new AmshException("failover cancelled during the copy", "re-run it; copied blobs are kept");
            }
            if (!report.succeeded()) {
                emit.accept(new Step(5, titles.of(5), Step.Status.FAILED, report.count(BlobCopyOutcome.Status.FAILED)
                        + " blob(s) failed: " + report.firstFailure()));
                throw new AmshException("the copy failed for some blobs", "re-run the failover; copied blobs are kept");
            }
            emit.accept(new Step(5, titles.of(5), Step.Status.DONE, Failover.copySummary(report)));

            if (!b.can().registersFiles()) {
                emit.accept(new Step(6, titles.of(6), Step.Status.SKIPPED, b.kind() + ": " + b.registerFiles(target)));
            } else if (existing != null && !b.files(target).isEmpty()
                    && b.files(target).size() >= to.storage().list(targetContainer).stream().filter(x -> !x.name().contains("/")).count()) {
                emit.accept(new Step(6, titles.of(6), Step.Status.SKIPPED, "files already registered"));
            } else {
                emit.accept(new Step(6, titles.of(6), Step.Status.DONE, b.registerFiles(target)));
            }

            List<Replica> replicas = new ArrayList<>();
            for (int i = 0; i < toReplicate.size(); i++) {
                OriginLocator l = toReplicate.get(i);
                replicas.add(present.get(i).isPresent()
                        ? new Replica(l, present.get(i).get(), Failover.LocatorReplica.Outcome.PRESENT)
                        : new Replica(l, b.createClone(l, target), Failover.LocatorReplica.Outcome.CLONED));
            }
            expired.forEach(l -> replicas.add(new Replica(l, null, Failover.LocatorReplica.Outcome.SKIPPED_EXPIRED)));
            emit.accept(new Step(7, titles.of(7), replicas.stream().anyMatch(r -> r.outcome() == Failover.LocatorReplica.Outcome.CLONED)
                    ? Step.Status.DONE : Step.Status.SKIPPED, describeReplicas(replicas, b)));
            Replica primary = replicas.get(0);
            String originalUrl = url(a.streamingBase(primary.source()), ism);
            String replicatedUrl = url(b.streamingBase(primary.replica()), ism);
            revoke(grants, emit, leftovers);
            return new Result(source, target, primary.source(), primary.replica(), originalUrl, replicatedUrl, report,
                    List.copyOf(steps), false, replicas, List.copyOf(leftovers));
        } catch (RuntimeException e) {
            Step last = steps.get(steps.size() - 1);
            if (last.status() != Step.Status.FAILED && last.number() < 7) {
                emit.accept(new Step(last.number() + 1, titles.of(last.number() + 1), Step.Status.FAILED, String.valueOf(e.getMessage())));
            }
            revoke(grants, emit, leftovers);
            if (!leftovers.isEmpty()) {
                e.addSuppressed(new AmshException("temporary entities were left behind", String.join("; ", leftovers)));
            }
            throw e;
        }
    }

    /**
     * Steps 2 and 4: a grant on the container only when asked for ({@code --via-sas}); with storage keys the
     * container is known from the asset. The detail says per kind what a grant is there.
     */
    private ContainerGrant grantStep(int n, Failover.StepTitles titles, Datacenter dc, MediaAsset asset, boolean write,
                                     boolean needed, String mark, List<Held> grants, Consumer<Step> emit) {
        if (!needed) {
            emit.accept(new Step(n, titles.of(n), Step.Status.SKIPPED, dc.can().sasLocators()
                    ? "storage keys at hand: container " + asset.container() + " known from Asset.Uri"
                    : dc.kind() + ": no SAS locators; container " + asset.container() + " from the asset"));
            return new ContainerGrant(asset.container(), null, "", false);
        }
        ContainerGrant g = dc.grant(asset, write, Failover.SAS_LIFETIME, mark);
        grants.add(new Held(dc, g));
        emit.accept(new Step(n, titles.of(n), Step.Status.DONE, "container " + g.container() + (g.revocable() ? ""
                : " (" + dc.kind() + ": listContainerSas, nothing to remove; it lapses within 23 hours)")));
        return g;
    }

    /** Storage keys are checked before any change; a v3 side may have none (its listContainerSas URLs serve instead). */
    private static void checkStorage(AccountContext c, Datacenter dc) {
        if (c.hasStorageKeys()) {
            StorageKeys.check(c);
        } else if (dc.can().sasLocators()) {
            StorageKeys.require(c); // a v2 write SAS locator cannot list its container: the copy needs the key
        }
    }

    private static void revoke(List<Held> grants, Consumer<Step> emit, List<String> leftovers) {
        boolean interrupted = Thread.interrupted();
        try {
            for (Held h : grants) {
                ContainerGrant g = h.grant();
                if (!g.revocable()) {
                    continue;
                }
                Datacenter dc = h.datacenter();
                try {
                    dc.revoke(g);
                    emit.accept(new Step(8, "remove temporary SAS locator on " + dc.name(), Step.Status.CLEANUP, g.id()));
                } catch (RuntimeException e) {
                    leftovers.add("sas rm " + g.id() + " --on " + dc.name());
                    emit.accept(new Step(8, "remove temporary SAS locator on " + dc.name(), Step.Status.FAILED,
                            e.getMessage() + " - remove it with 'sas rm " + g.id() + " --on " + dc.name() + "'"));
                }
            }
            grants.clear();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The replica amsh made of this source: named after its container and carrying its mark. */
    static Optional<MediaAsset> replicaOn(Datacenter b, MediaAsset source) {
        String mark = ReplicaTargets.marker(source.id());
        return b.named(source.container()).stream().filter(x -> mark.equals(x.alternateId())).findFirst();
    }

    /** The target in use: the asset holding an already cloned locator, else amsh's replica, else none. */
    static MediaAsset existingTarget(Datacenter b, MediaAsset source, List<OriginLocator> origins,
                                     List<Optional<OriginLocator>> present, String toName) {
        List<MediaAsset> named = b.named(source.container());
        for (int i = 0; i < origins.size(); i++) {
            if (present.get(i).isEmpty()) {
                continue;
            }
            String holder = present.get(i).get().asset();
            Optional<MediaAsset> match = named.stream().filter(x -> holder.equals(x.id()) || holder.equals(x.name())).findFirst();
            if (match.isEmpty()) {
                throw new AmshException("locator " + origins.get(i).guid() + " already exists on " + toName + " for asset "
                        + holder + ", which is not named after the source's container",
                        "if that asset is a replica made by hand, nothing is to do; nothing was changed");
            }
            return match.get();
        }
        String mark = ReplicaTargets.marker(source.id());
        return named.stream().filter(x -> mark.equals(x.alternateId())).findFirst()
                .or(() -> named.stream().findFirst()).orElse(null);
    }

    private Result plan(Datacenter a, Datacenter b, Failover.StepTitles titles, MediaAsset source, List<OriginLocator> toReplicate,
                        List<Optional<OriginLocator>> present, MediaAsset existing, String ism, Consumer<Step> emit,
                        List<Step> steps, List<OriginLocator> expired) {
        emit.accept(new Step(2, titles.of(2), Step.Status.SKIPPED, a.can().sasLocators()
                ? "storage keys at hand: container " + source.container() + " known from Asset.Uri"
                : a.kind() + ": no SAS locators; container " + source.container() + " from the asset"));
        emit.accept(new Step(3, titles.of(3), existing == null ? Step.Status.PLANNED : Step.Status.SKIPPED, existing == null
                ? "create " + source.container() : "reusing " + existing.name() + " (" + existing.id() + ")"));
        emit.accept(new Step(4, titles.of(4), Step.Status.SKIPPED, b.can().sasLocators()
                ? "storage keys at hand" : b.kind() + ": no SAS locators"));
        emit.accept(new Step(5, titles.of(5), Step.Status.PLANNED, "server-side copy into " + (existing == null
                ? "the new asset's container" : existing.container())));
        emit.accept(new Step(6, titles.of(6), b.can().registersFiles() ? Step.Status.PLANNED : Step.Status.SKIPPED,
                b.can().registersFiles() ? "CreateFileInfos, .ism primary" : b.kind() + ": " + b.registerFiles(source)));
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < toReplicate.size(); i++) {
            replicas.add(new Replica(toReplicate.get(i), present.get(i).orElse(null), present.get(i).isPresent()
                    ? Failover.LocatorReplica.Outcome.PRESENT : Failover.LocatorReplica.Outcome.PLANNED));
        }
        expired.forEach(l -> replicas.add(new Replica(l, null, Failover.LocatorReplica.Outcome.SKIPPED_EXPIRED)));
        emit.accept(new Step(7, titles.of(7), Step.Status.PLANNED, describeReplicas(replicas, b)));
        return new Result(source, existing, toReplicate.get(0), null, url(a.streamingBase(toReplicate.get(0)), ism), null,
                null, List.copyOf(steps), true, replicas, List.of());
    }

    static LocatorWindow window(OriginLocator l, Instant now) {
        return LocatorWindow.of(l.start(), l.end(), now);
    }

    /** The single .ism of the asset's files (v2: the primary one), or null. */
    static String manifest(List<MediaFile> files) {
        return files.stream().filter(MediaFile::primary).map(MediaFile::name).filter(n -> n.toLowerCase().endsWith(".ism"))
                .findFirst().orElseGet(() -> files.stream().map(MediaFile::name).filter(n -> n.toLowerCase().endsWith(".ism")
                        && !n.contains("/")).findFirst().orElse(null));
    }

    static String url(String base, String ism) {
        String b = base.endsWith("/") ? base : base + "/";
        return ism == null ? b : b + ism + "/manifest";
    }

    private static String describe(List<OriginLocator> replicate, List<OriginLocator> expired, Instant now) {
        String list = replicate.stream().map(l -> l.guid() + (window(l, now).state() == LocatorWindow.State.ACTIVE ? ""
                : " (" + window(l, now).describe() + ")")).collect(Collectors.joining(", "));
        return (replicate.size() == 1 ? "locator " : replicate.size() + " locators ") + list + (expired.isEmpty() ? ""
                : "; not replicated, expired: " + expired.stream().map(l -> l.guid().toString()).collect(Collectors.joining(", ")));
    }

    private static String describeReplicas(List<Replica> replicas, Datacenter b) {
        String how = switch (b.kind()) {
            case V2 -> "origin locator nb:lid:UUID:";
            case V3 -> "streaming locator with streamingLocatorId ";
        };
        return replicas.stream().map(r -> how + r.source().guid() + switch (r.outcome()) {
            case CLONED -> "";
            case PRESENT -> " (already there)";
            case PLANNED -> " (to clone)";
            case SKIPPED_EXPIRED -> " (not replicated: expired)";
        }).collect(Collectors.joining(", "));
    }
}
