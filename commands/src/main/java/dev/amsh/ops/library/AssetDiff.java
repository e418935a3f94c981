package dev.amsh.ops.library;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.ops.LocatorWindow;
import dev.amsh.storage.BlobEntry;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What differs between a published source asset and its replica, computed from the two snapshots and the two
 * container listings (pure: no call is made here). Blobs differ by length, by MD5 where both have one, or by
 * the source ETag a copy stamped on its target; a blob with neither MD5 nor stamp is compared by length alone.
 */
public final class AssetDiff {
    private AssetDiff() {
    }

    /** Drifts of a pair whose target exists; {@code sourceBlobs}/{@code targetBlobs} may be null when not read. */
    public static List<Drift> of(Asset source, Asset target, LibrarySnapshot s, LibrarySnapshot t,
                                 List<BlobEntry> sourceBlobs, List<BlobEntry> targetBlobs) {
        List<Drift> out = new ArrayList<>(locators(source, target, s, t));
        out.addAll(files(s.files(source.id()), t.files(target.id())));
        if (sourceBlobs != null && targetBlobs != null) {
            out.addAll(blobs(sourceBlobs, targetBlobs));
        }
        return out;
    }

    static List<Drift> locators(Asset source, Asset target, LibrarySnapshot s, LibrarySnapshot t) {
        List<Drift> out = new ArrayList<>();
        List<Locator> live = s.liveOrigins(source.id());
        for (Locator l : live) {
            Optional<Locator> there = t.locator(l.id());
            if (there.isEmpty()) {
                out.add(new Drift(Drift.Kind.MISSING_LOCATOR, l.id(), null));
                continue;
            }
            Locator r = there.get();
            if (!LocatorWindow.sameSecond(l.startTime(), r.startTime())
                    || !LocatorWindow.sameSecond(l.expirationDateTime(), r.expirationDateTime())) {
                out.add(new Drift(Drift.Kind.WINDOW_DIFFERS, l.id(), window(l) + " on " + s.context() + ", "
                        + window(r) + " on " + t.context()));
            }
        }
        Set<String> ids = live.stream().map(Locator::id).collect(Collectors.toSet());
        for (Locator r : t.liveOrigins(target.id())) {
            if (!ids.contains(r.id())) {
                out.add(new Drift(Drift.Kind.EXTRA_LOCATOR, r.id(), s.locator(r.id()).isPresent()
                        ? "expired on " + s.context() : "not on " + s.context()));
            }
        }
        return out;
    }

    static List<Drift> files(List<AssetFile> source, List<AssetFile> target) {
        List<Drift> out = new ArrayList<>();
        Map<String, AssetFile> there = new HashMap<>();
        target.forEach(f -> there.put(f.name(), f));
        Map<String, AssetFile> here = new HashMap<>();
        source.forEach(f -> here.put(f.name(), f));
        for (AssetFile f : source) {
            AssetFile r = there.get(f.name());
            if (r == null) {
                out.add(new Drift(Drift.Kind.MISSING_FILE, f.name(), null));
            } else if (f.contentFileSize() != r.contentFileSize()) {
                out.add(new Drift(Drift.Kind.FILE_DIFFERS, f.name(), "registered " + f.contentFileSize() + " vs "
                        + r.contentFileSize() + " bytes"));
            } else if (f.isPrimary() && !r.isPrimary()) {
                out.add(new Drift(Drift.Kind.PRIMARY_DIFFERS, f.name(), "primary on the source only"));
            }
        }
        for (AssetFile r : target) {
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

    private static String window(Locator l) {
        return (l.startTime() == null ? "-" : l.startTime().truncatedTo(ChronoUnit.SECONDS).toString()) + ".."
                + (l.expirationDateTime() == null ? "-" : l.expirationDateTime().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
