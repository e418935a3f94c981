package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import okhttp3.OkHttpClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a failover the way a player would see it: for every unexpired locator of the asset, every file fetched over
 * HTTP from the source origin and from the target origin under the same locator path, compared by status, length and
 * SHA-256. It is what a traffic manager switching between the two origins relies on. Written on the seam, so any pair
 * of kinds: the files are v2's registered files or v3's blobs, the paths v2's origin locator Path or v3's endpoint host.
 */
public final class VerifyFailover {
    /** One file as both origins served it. */
    public record FileCheck(String file, int statusFrom, int statusTo, long length, boolean same) {
    }

    /** One origin locator: its replica's path on the target (null when missing there) and every file. */
    public record LocatorCheck(String locatorId, String pathFrom, String pathTo, LocatorWindow window,
                               List<FileCheck> files) {
        public boolean missing() {
            return pathTo == null;
        }

        public boolean ok() {
            return !missing() && !files.isEmpty() && files.stream().allMatch(FileCheck::same);
        }
    }

    /** Every locator, and whether the two origins agree on all of them. */
    public record Result(List<LocatorCheck> locators) {
        public boolean ok() {
            return !locators.isEmpty() && locators.stream().allMatch(LocatorCheck::ok);
        }

        /** Every file check of every locator. */
        public List<FileCheck> files() {
            return locators.stream().flatMap(l -> l.files().stream()).toList();
        }
    }

    private final OkHttpClient http;

    public VerifyFailover(OkHttpClient http) {
        this.http = http;
    }

    public Result run(AccountContext from, AccountContext to, String asset, Instant now) {
        if (from.name().equals(to.name())) {
            throw new AmshException("--to " + to.name() + " is the source context", "verify against the other datacenter");
        }
        Datacenter a = from.datacenter();
        Datacenter b = to.datacenter();
        MediaAsset source = a.resolve(asset);
        List<OriginLocator> origins = unexpired(a, source, now);
        List<MediaFile> files = a.files(source);
        // a stopped v3 endpoint serves nothing: one line saying how to start it, not a file list of 404s
        a.checkStreaming();
        b.checkStreaming();
        List<LocatorCheck> checks = new ArrayList<>();
        for (OriginLocator origin : origins) {
            Optional<OriginLocator> replica = b.locator(origin.guid());
            String pathFrom = a.originBase(origin);
            String pathTo = replica.map(b::originBase).orElse(null);
            List<FileCheck> fileChecks = new ArrayList<>();
            if (pathTo != null) {
                for (MediaFile f : files) {
                    OriginFetch x = OriginFetch.of(http, pathFrom + f.name(), 0);
                    OriginFetch y = OriginFetch.of(http, pathTo + f.name(), 0);
                    // a pending locator answers 404 on both sides alike: the same answer is what counts
                    boolean same = x.status() == y.status() && x.length() == y.length() && x.sha256().equals(y.sha256());
                    fileChecks.add(new FileCheck(f.name(), x.status(), y.status(), x.length(), same));
                }
            }
            checks.add(new LocatorCheck(origin.id(), pathFrom, pathTo, LocatorWindow.of(origin.start(), origin.end(), now),
                    List.copyOf(fileChecks)));
        }
        return new Result(List.copyOf(checks));
    }

    /** The source's locators that are not expired (active first, then by start); none is one line saying how to publish. */
    static List<OriginLocator> unexpired(Datacenter a, MediaAsset source, Instant now) {
        List<OriginLocator> all = a.locators(source).stream()
                .sorted(Comparator.comparing((OriginLocator l) -> LocatorWindow.of(l.start(), l.end(), now).state())
                        .thenComparing(l -> l.start() == null ? Instant.MIN : l.start()))
                .toList();
        List<OriginLocator> live = all.stream()
                .filter(l -> LocatorWindow.of(l.start(), l.end(), now).state() != LocatorWindow.State.EXPIRED).toList();
        if (live.isEmpty()) {
            throw new AmshException("asset " + source.name() + " has no " + (all.isEmpty() ? "" : "unexpired ")
                    + a.kind().locatorNoun() + " on " + a.name() + (all.isEmpty() ? "" : " (" + all.size() + " expired)"),
                    "publish it first: publish " + source.name() + " --on " + a.name());
        }
        return live;
    }
}
