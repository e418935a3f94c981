package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.ops.library.RecordedFile;
import dev.amsh.ops.library.ReplicationJournal;
import dev.amsh.storage.BlobEntry;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code verify} when the source does not answer: the target checked against what a replicate run recorded of the
 * source (each blob's length and Content-MD5), its storage listed and every file fetched from each of its
 * locators (either kind: v2 origin locators, v3 streaming locators through the endpoint's host). The source is not asked; the answer is as good as the record's date.
 */
public final class VerifyFromRecord {
    /** One recorded file: what the target's storage holds and what its origin serves under each locator. */
    public record FileCheck(String file, long recordedLength, String recordedMd5, long heldLength, String heldMd5,
                            List<Integer> served) {
        public boolean held() {
            return heldLength == recordedLength && (recordedMd5 == null || Objects.equals(recordedMd5, heldMd5));
        }

        public boolean ok() {
            return held() && !served.isEmpty() && served.stream().allMatch(s -> s == 200);
        }
    }

    public record Result(ReplicationJournal.Recorded record, MediaAsset target, List<String> locatorPaths, List<FileCheck> files) {
        public boolean ok() {
            return !files.isEmpty() && files.stream().allMatch(FileCheck::ok);
        }
    }

    private final OkHttpClient http;

    public VerifyFromRecord(OkHttpClient http) {
        this.http = http;
    }

    public Result run(AccountContext to, ReplicationJournal.Recorded record) {
        Datacenter dc = to.datacenter();
        MediaAsset target = dc.resolve(record.outcome().targetId());
        Map<String, BlobEntry> held = blobs(to, target).stream()
                .collect(Collectors.toMap(BlobEntry::name, Function.identity()));
        List<String> paths = dc.locators(target).stream().map(dc::originBase).toList();
        List<FileCheck> checks = new ArrayList<>();
        for (RecordedFile f : record.outcome().files()) {
            BlobEntry b = held.get(f.name());
            List<Integer> served = new ArrayList<>();
            for (String path : paths) {
                OriginFetch fetched = OriginFetch.of(http, (path.endsWith("/") ? path : path + "/") + f.name(), 0);
                served.add(fetched.status() == 200 && fetched.length() != f.length() ? -1 : fetched.status());
            }
            checks.add(new FileCheck(f.name(), f.length(), f.contentMd5(), b == null ? -1 : b.length(),
                    b == null ? null : b.contentMd5(), List.copyOf(served)));
        }
        return new Result(record, target, paths, List.copyOf(checks));
    }

    /** The container's blobs with their lengths and MD5s: through the storage keys, else a read grant (v3). */
    private static List<BlobEntry> blobs(AccountContext c, MediaAsset asset) {
        if (c.hasStorageKeys()) {
            return c.storage().list(asset.container());
        }
        ContainerGrant read = c.datacenter().grant(asset, false, Duration.ofHours(1), null);
        return c.containerStore(read).list(read.container());
    }
}
