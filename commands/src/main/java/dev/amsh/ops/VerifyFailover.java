package dev.amsh.ops;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
                    Fetched a = fetch(origin.path() + f.name());
                    Fetched b = fetch(replica.get().path() + f.name());
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

    private record Fetched(int status, long length, String sha256) {
    }

    private Fetched fetch(String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (r.code() != 200 || r.body() == null) {
                return new Fetched(r.code(), -1, "");
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long length = 0;
            try (InputStream in = r.body().byteStream()) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                    length += n;
                }
            }
            return new Fetched(200, length, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            return new Fetched(0, -1, "");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
