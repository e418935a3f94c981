package dev.amsh.ops.library;

import com.azure.storage.blob.models.BlobStorageException;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.storage.BlobEntry;
import dev.amsh.storage.BlobStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One source asset on the seam against its replica: the snapshots give the replica and the locators, one listing
 * per side gives the blobs (none for a replica that does not exist yet). The file drifts come from the containers,
 * since v3 registers no files. What {@code replicate} acts on and {@code compare} reports.
 */
record DatacenterExamination(MediaAsset source, Optional<MediaAsset> replica, List<OriginLocator> live,
                             List<BlobEntry> sourceBlobs, Map<String, BlobEntry> targetBlobs, List<Drift> drifts,
                             boolean optedOut) {

    /** How an asset's container is reached: with storage keys the account's store; without (v3), its listContainerSas URL. */
    record Reach(BlobStore store, String container) {
        static Reach of(AccountContext c, MediaAsset asset, boolean write) {
            if (c.hasStorageKeys()) {
                return new Reach(c.storage(), asset.container());
            }
            ContainerGrant g = c.datacenter().grant(asset, write, Duration.ofHours(23), null);
            return new Reach(c.containerStore(g), g.container());
        }
    }

    static DatacenterExamination of(DatacenterSnapshot from, DatacenterSnapshot to, MediaAsset source, boolean listBlobs) {
        List<OriginLocator> live = from.live(source);
        Optional<MediaAsset> replica = to.replicaOf(source, live);
        if (ReplicationRules.optedOut(source.alternateId())) {
            return new DatacenterExamination(source, replica, live, null, Map.of(), List.of(), true);
        }
        List<Drift> drifts = new ArrayList<>();
        if (replica.isEmpty()) {
            drifts.add(new Drift(Drift.Kind.MISSING_ASSET, null, "no replica on " + to.name()));
            live.forEach(l -> drifts.add(new Drift(Drift.Kind.MISSING_LOCATOR, l.guid().toString(), null)));
        } else {
            drifts.addAll(locatorDrifts(live, to.locators(replica.get()), to.name()));
        }
        if (!listBlobs) {
            return new DatacenterExamination(source, replica, live, null, Map.of(), List.copyOf(drifts), false);
        }
        List<BlobEntry> sourceBlobs;
        Map<String, BlobEntry> present = new HashMap<>();
        try {
            Reach read = Reach.of(from.context(), source, false);
            sourceBlobs = read.store().list(read.container());
        } catch (BlobStorageException e) {
            return unreadable(source, replica, live, from.name(), source.container(), e);
        }
        if (replica.isPresent()) {
            try {
                Reach there = Reach.of(to.context(), replica.get(), false);
                Library.list(there.store(), there.container()).forEach(x -> present.put(x.name(), x));
            } catch (BlobStorageException e) {
                return unreadable(source, replica, live, to.name(), replica.get().container(), e);
            }
            drifts.addAll(blobDrifts(sourceBlobs, present));
        }
        return new DatacenterExamination(source, replica, live, sourceBlobs, present, List.copyOf(drifts), false);
    }

    /** The source's live locators by GUID against the replica's: missing, extra, or ending at another second. */
    static List<Drift> locatorDrifts(List<OriginLocator> live, List<OriginLocator> there, String target) {
        List<Drift> out = new ArrayList<>();
        Map<UUID, OriginLocator> byGuid = there.stream().collect(Collectors.toMap(OriginLocator::guid, l -> l, (x, y) -> x));
        for (OriginLocator l : live) {
            OriginLocator r = byGuid.get(l.guid());
            if (r == null) {
                out.add(new Drift(Drift.Kind.MISSING_LOCATOR, l.guid().toString(), null));
            } else if (!Objects.equals(second(l.end()), second(r.end()))) {
                out.add(new Drift(Drift.Kind.WINDOW_DIFFERS, l.guid().toString(), "ends " + l.end() + " here, " + r.end() + " on " + target));
            }
        }
        Set<UUID> wanted = live.stream().map(OriginLocator::guid).collect(Collectors.toSet());
        there.stream().filter(r -> !wanted.contains(r.guid()))
                .forEach(r -> out.add(new Drift(Drift.Kind.EXTRA_LOCATOR, r.guid().toString(), null)));
        return out;
    }

    /** The source container's blobs against the replica's: missing, differing (length or Content-MD5), extra. */
    static List<Drift> blobDrifts(List<BlobEntry> source, Map<String, BlobEntry> target) {
        List<Drift> out = new ArrayList<>();
        for (BlobEntry s : source) {
            BlobEntry t = target.get(s.name());
            if (t == null) {
                out.add(new Drift(Drift.Kind.MISSING_BLOB, s.name(), null));
            } else if (s.length() != t.length()) {
                out.add(new Drift(Drift.Kind.BLOB_DIFFERS, s.name(), s.length() + " bytes here, " + t.length() + " there"));
            } else if (s.contentMd5() != null && t.contentMd5() != null && !s.contentMd5().equals(t.contentMd5())) {
                out.add(new Drift(Drift.Kind.BLOB_DIFFERS, s.name(), "Content-MD5 differs"));
            }
        }
        Set<String> names = source.stream().map(BlobEntry::name).collect(Collectors.toSet());
        target.keySet().stream().filter(n -> !names.contains(n)).sorted()
                .forEach(n -> out.add(new Drift(Drift.Kind.EXTRA_BLOB, n, null)));
        return out;
    }

    private static Long second(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    private static DatacenterExamination unreadable(MediaAsset source, Optional<MediaAsset> replica, List<OriginLocator> live,
                                                    String side, String container, BlobStorageException e) {
        return new DatacenterExamination(source, replica, live, null, Map.of(), List.of(new Drift(Drift.Kind.UNREADABLE,
                container, "listing on " + side + " failed: HTTP " + e.getStatusCode() + " " + e.getErrorCode())), false);
    }

    boolean unreadable() {
        return drifts.stream().anyMatch(d -> d.kind() == Drift.Kind.UNREADABLE);
    }

    List<String> subjects(Drift.Kind... kinds) {
        Set<Drift.Kind> wanted = Set.of(kinds);
        return drifts.stream().filter(d -> wanted.contains(d.kind())).map(Drift::subject).toList();
    }

    /** The comparison line of this asset, as {@code compare} prints it on every kind. */
    AssetComparison comparison() {
        String target = replica.map(MediaAsset::id).orElse(null);
        AssetComparison.Status status = optedOut ? AssetComparison.Status.SKIPPED
                : unreadable() ? AssetComparison.Status.ERROR
                : replica.isEmpty() ? AssetComparison.Status.MISSING
                : drifts.isEmpty() ? AssetComparison.Status.IN_SYNC : AssetComparison.Status.DIFFERS;
        return new AssetComparison(source.name(), source.id(), target, status, drifts);
    }
}
