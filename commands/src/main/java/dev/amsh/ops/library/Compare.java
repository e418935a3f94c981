package dev.amsh.ops.library;

import dev.amsh.concurrent.DaemonPools;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code compare a b}: every published asset of a against its replica on b, and b's published assets that have no
 * source on a, on any pair of kinds. Each side is read once (assets, locators and, on v2, files); containers are
 * listed in parallel, one listing per asset per side.
 */
public final class Compare {
    /** {@code quick}: Media Services objects only (files by registered size), no container listing. */
    public record Options(Selection selection, boolean deep, boolean quick, int concurrency) {
        public static Options defaults() {
            return new Options(Selection.all(), false, false, DEFAULT_CONCURRENCY);
        }
    }

    public static final int DEFAULT_CONCURRENCY = 16;

    private final Clock clock;
    private final OkHttpClient http;

    public Compare(Clock clock, OkHttpClient http) {
        this.clock = clock;
        this.http = http;
    }

    public CompareReport run(AccountContext from, AccountContext to, Options options) {
        long t0 = System.nanoTime();
        long calls0 = from.restCalls() + to.restCalls();
        Library library = Library.read(from, to, clock.instant());
        List<MediaAsset> selected = options.selection().apply(library.source());
        List<AssetComparison> out = examineAll(library, selected, options);
        // every published source asset is paired (no call), so a replica of an unselected one is not called unpaired
        Set<String> paired = library.pairing().pairedTargets(library.source().published());
        for (AssetPairing.Unpaired u : library.pairing().targetOnly(paired)) {
            if (options.selection().takesFromOtherSide(u.asset().name())) {
                out.add(new AssetComparison(u.asset().name(), null, u.asset().id(), AssetComparison.Status.ONLY_ON_TARGET,
                        List.of(u.drift())));
            }
        }
        options.selection().refuseEmpty(from.name(), out.isEmpty());
        return new CompareReport(from.name(), to.name(), out, options.deep(), options.quick(), (System.nanoTime() - t0) / 1_000_000,
                from.restCalls() + to.restCalls() - calls0);
    }

    private List<AssetComparison> examineAll(Library library, List<MediaAsset> selected, Options options) {
        ExecutorService pool = DaemonPools.fixed("amsh-compare", Math.max(1, Math.min(options.concurrency(), selected.size())));
        OriginSample sampler = new OriginSample(http);
        try {
            List<Future<AssetComparison>> futures = new ArrayList<>();
            for (MediaAsset a : selected) {
                futures.add(pool.submit(() -> compareOne(library, a, !options.quick(), options.deep() ? sampler : null)));
            }
            List<AssetComparison> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    MediaAsset a = selected.get(i);
                    out.add(new AssetComparison(a.name(), a.id(), null, AssetComparison.Status.ERROR,
                            List.of(new Drift(Drift.Kind.UNREADABLE, null, String.valueOf(e.getCause().getMessage())))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("compare interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AssetComparison compareOne(Library library, MediaAsset a, boolean listBlobs, OriginSample sampler) {
        DatacenterExamination e = library.examine(a, listBlobs);
        AssetComparison c = e.comparison();
        if (sampler == null || c.status() != AssetComparison.Status.IN_SYNC && c.status() != AssetComparison.Status.DIFFERS) {
            return c;
        }
        Optional<OriginLocator> origin = library.source().live(a).stream().findFirst();
        Optional<OriginLocator> replica = origin.flatMap(l -> library.target().locator(l.guid()));
        if (origin.isEmpty() || replica.isEmpty()) {
            return c;
        }
        List<Drift> drifts = new ArrayList<>(c.drifts());
        drifts.addAll(sampler.compare(library.source().datacenter().originBase(origin.get()),
                library.target().datacenter().originBase(replica.get()), origin.get().guid().toString(), sampledFiles(library, e)));
        return new AssetComparison(c.name(), c.sourceId(), c.targetId(),
                drifts.isEmpty() ? AssetComparison.Status.IN_SYNC : AssetComparison.Status.DIFFERS, drifts);
    }

    /** The source's files to sample: its registered files where its kind registers them, else its container's blobs. */
    private static List<MediaFile> sampledFiles(Library library, DatacenterExamination e) {
        List<MediaFile> files = library.source().files(e.source());
        if (!files.isEmpty() || e.sourceBlobs() == null) {
            return files;
        }
        return e.sourceBlobs().stream().map(b -> new MediaFile(b.name(), b.length(), false, null)).toList();
    }
}
