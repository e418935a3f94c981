package dev.amsh.ops.library;

import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.storage.BlobEntry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What differs between a published source asset and its replica, on any pair of kinds, computed from the two
 * snapshots and the two container listings (pure: no call is made here). Locators are matched by GUID; files are
 * compared where both kinds register them (v2); blobs differ by length, by MD5 where both have one, or by the
 * source ETag a copy stamped on its target; a blob with neither MD5 nor stamp is compared by length alone.
 */
public final class AssetDiff {
    private AssetDiff() {
    }

    /** Drifts of a pair whose target exists; {@code sourceBlobs}/{@code targetBlobs} may be null when not read. */
    public static List<Drift> of(MediaAsset source, MediaAsset target, DatacenterSnapshot s, DatacenterSnapshot t,
                                 List<BlobEntry> sourceBlobs, List<BlobEntry> targetBlobs) {
        List<Drift> out = new ArrayList<>(locators(source, target, s, t));
        if (s.can().registersFiles() && t.can().registersFiles()) {
            out.addAll(files(s.files(source), t.files(target)));
        }
        if (sourceBlobs != null && targetBlobs != null) {
            out.addAll(blobs(sourceBlobs, targetBlobs));
        }
        return out;
    }

    static List<Drift> locators(MediaAsset source, MediaAsset target, DatacenterSnapshot s, DatacenterSnapshot t) {
        List<Drift> out = new ArrayList<>();
        List<OriginLocator> live = s.live(source);
        for (OriginLocator l : live) {
            OriginLocator r = t.locator(l.guid()).orElse(null);
            if (r == null) {
                out.add(new Drift(Drift.Kind.MISSING_LOCATOR, l.guid().toString(), null));
            } else if (!sameWindow(l, r)) {
                out.add(new Drift(Drift.Kind.WINDOW_DIFFERS, l.guid().toString(), window(l) + " on " + s.name() + ", "
                        + window(r) + " on " + t.name()));
            }
        }
        Set<UUID> guids = live.stream().map(OriginLocator::guid).collect(Collectors.toSet());
        for (OriginLocator r : t.live(target)) {
            if (!guids.contains(r.guid())) {
                out.add(new Drift(Drift.Kind.EXTRA_LOCATOR, r.guid().toString(), s.locator(r.guid()).isPresent()
                        ? "expired on " + s.name() : "not on " + s.name()));
            }
        }
        return out;
    }

    /**
     * The same end to the second, and the same start where both say one: a start left out means "from its making",
     * which has passed on both sides.
     */
    static boolean sameWindow(OriginLocator l, OriginLocator r) {
        boolean start = l.start() == null || r.start() == null || Objects.equals(second(l.start()), second(r.start()));
        return start && Objects.equals(second(l.end()), second(r.end()));
    }

    static List<Drift> files(List<MediaFile> source, List<MediaFile> target) {
        List<Drift> out = new ArrayList<>();
        Map<String, MediaFile> there = new HashMap<>();
        target.forEach(f -> there.put(f.name(), f));
        Map<String, MediaFile> here = new HashMap<>();
        source.forEach(f -> here.put(f.name(), f));
        for (MediaFile f : source) {
            MediaFile r = there.get(f.name());
            if (r == null) {
                out.add(new Drift(Drift.Kind.MISSING_FILE, f.name(), null));
            } else if (f.size() != r.size()) {
                out.add(new Drift(Drift.Kind.FILE_DIFFERS, f.name(), "registered " + f.size() + " vs " + r.size() + " bytes"));
            } else if (f.primary() && !r.primary()) {
                out.add(new Drift(Drift.Kind.PRIMARY_DIFFERS, f.name(), "primary on the source only"));
            }
        }
        for (MediaFile r : target) {
            if (!here.containsKey(r.name())) {
                out.add(new Drift(Drift.Kind.EXTRA_FILE, r.name(), null));
            }
        }
        return out;
    }

    static List<Drift> blobs(List<BlobEntry> source, List<BlobEntry> target) {
        List<Drift> out = new ArrayList<>();
        Map<String, BlobEntry> there = new HashMap<>();
        target.forEach(b -> there.put(b.name(), b));
        Map<String, BlobEntry> here = new HashMap<>();
        source.forEach(b -> here.put(b.name(), b));
        for (BlobEntry b : source) {
            BlobEntry r = there.get(b.name());
            if (r == null) {
                out.add(new Drift(Drift.Kind.MISSING_BLOB, b.name(), b.length() + " bytes"));
            } else {
                String how = differs(b, r);
                if (how != null) {
                    out.add(new Drift(Drift.Kind.BLOB_DIFFERS, b.name(), how));
                }
            }
        }
        for (BlobEntry r : target) {
            if (!here.containsKey(r.name())) {
                out.add(new Drift(Drift.Kind.EXTRA_BLOB, r.name(), r.length() + " bytes"));
            }
        }
        return out;
    }

    /** How a target blob differs from its source, or null when nothing shows it does. */
    static String differs(BlobEntry source, BlobEntry target) {
        if (source.length() != target.length()) {
            return "length " + source.length() + " vs " + target.length();
        }
        if (source.contentMd5() != null && target.contentMd5() != null) {
            return source.contentMd5().equals(target.contentMd5()) ? null : "MD5 differs";
        }
        String stamp = target.metadata().get(BlobEntry.SOURCE_ETAG);
        if (stamp != null && source.etag() != null && !stamp.equals(source.etag())) {
            return "source changed since it was copied";
        }
        return null;
    }

    /** Whether a blob drift means the blob must be copied again. */
    static boolean needsCopy(Drift d) {
        return d.kind() == Drift.Kind.MISSING_BLOB || d.kind() == Drift.Kind.BLOB_DIFFERS;
    }

    private static Long second(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    private static String window(OriginLocator l) {
        return (l.start() == null ? "-" : l.start().truncatedTo(ChronoUnit.SECONDS).toString()) + ".."
                + (l.end() == null ? "-" : l.end().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
