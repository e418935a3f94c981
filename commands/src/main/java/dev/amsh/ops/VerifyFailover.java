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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a failover the way a player would see it: every file of the asset fetched over HTTP from the
 * source origin and from the target origin under the same locator path, compared by status, length and
 * SHA-256. It is what a traffic manager switching between the two origins relies on.
 */
public final class VerifyFailover {
    /** One file as both origins served it. */
    public record FileCheck(String file, int statusFrom, int statusTo, long length, boolean same) {
    }

    /** Every file, and whether the two origins agree on all of them. */
    public record Result(String locatorId, String pathFrom, String pathTo, List<FileCheck> files) {
        public boolean ok() {
            return !files.isEmpty() && files.stream().allMatch(FileCheck::same);
        }
    }

    private final OkHttpClient http;

    public VerifyFailover(OkHttpClient http) {
        this.http = http;
    }

    public Result run(AccountContext from, AccountContext to, String asset) {
        if (from.name().equals(to.name())) {
            throw new AmshException("--to " + to.name() + " is the source context", "verify against the other datacenter");
        }
        Asset source = Assets.resolve(from.ams(), asset);
        Locator origin = from.ams().listLocatorsOf(source.id()).stream().filter(l -> l.type() == Locator.ON_DEMAND_ORIGIN)
                .findFirst().orElseThrow(() -> new AmshException("asset " + source.name() + " has no origin locator on "
                        + from.name(), "publish it, then fail it over"));
        Locator replica = to.ams().findLocator(origin.id()).orElseThrow(() -> new AmshException("locator " + origin.id()
                + " does not exist on " + to.name(), "fail the asset over first: failover " + source.name() + " --to " + to.name()));
        List<FileCheck> checks = new ArrayList<>();
        for (AssetFile f : from.ams().listFiles(source.id())) {
            Fetched a = fetch(origin.path() + f.name());
            Fetched b = fetch(replica.path() + f.name());
            // the copy skips zero-length blobs, so an empty file missing on both sides alike is no difference
            boolean same = a.status() == b.status() && a.length() == b.length() && a.sha256().equals(b.sha256())
                    && (a.status() == 200 || f.contentFileSize() == 0);
            checks.add(new FileCheck(f.name(), a.status(), b.status(), a.length(), same));
        }
        return new Result(origin.id(), origin.path(), replica.path(), List.copyOf(checks));
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
