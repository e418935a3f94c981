package dev.amsh.ops;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import okhttp3.OkHttpClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a failover the way a player would see it: for every unexpired origin locator of the asset, every file
 * fetched over HTTP from the source origin and from the target origin under the same locator path, compared by
 * status, length and SHA-256. It is what a traffic manager switching between the two origins relies on.
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
        Asset source = Assets.resolve(from.ams(), asset);
        SourceLocators origins = SourceLocators.of(from.ams(), source, now);
        List<AssetFile> files = from.ams().listFiles(source.id());
        List<LocatorCheck> checks = new ArrayList<>();
        for (Locator origin : origins.toReplicate()) {
            Optional<Locator> replica = to.ams().findLocator(origin.id());
            List<FileCheck> fileChecks = new ArrayList<>();
            if (replica.isPresent()) {
                for (AssetFile f : files) {
                    OriginFetch a = OriginFetch.of(http, origin.path() + f.name(), 0);
                    OriginFetch b = OriginFetch.of(http, replica.get().path() + f.name(), 0);
                    // a pending locator answers 404 on both sides alike: the same answer is what counts
                    boolean same = a.status() == b.status() && a.length() == b.length() && a.sha256().equals(b.sha256());
                    fileChecks.add(new FileCheck(f.name(), a.status(), b.status(), a.length(), same));
                }
            }
            checks.add(new LocatorCheck(origin.id(), origin.path(), replica.map(Locator::path).orElse(null),
                    LocatorWindow.of(origin, now), List.copyOf(fileChecks)));
        }
        return new Result(List.copyOf(checks));
    }
}
