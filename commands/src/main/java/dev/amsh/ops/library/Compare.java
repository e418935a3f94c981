package dev.amsh.ops.library;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.concurrent.DaemonPools;
import dev.amsh.context.AccountContext;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code compare a b}: every published asset of a against its replica on b, and b's published assets that have no
 * source on a. Each side's Media Services objects are read once (three listings); containers are listed in
 * parallel, one listing per asset per side.
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
        List<Asset> selected = options.selection().apply(library.source(), from.ams());
        List<AssetComparison> out = examineAll(library, selected, options);
        // every published source asset is paired (no call), so a replica of an unselected one is not called unpaired
        Set<String> paired = library.pairing().pairedTargets(library.source().published());
        for (AssetPairing.Unpaired u : library.pairing().targetOnly(paired)) {
            if (options.selection().takesFromOtherSide(u.asset())) {
                out.add(new AssetComparison(u.asset().name(), null, u.asset().id(), AssetComparison.Status.ONLY_ON_TARGET,
                        List.of(u.drift())));
            }
        }
        options.selection().refuseEmpty(from.name(), out.isEmpty());
        return new CompareReport(from.name(), to.name(), out, options.deep(), options.quick(), (System.nanoTime() - t0) / 1_000_000,
                from.restCalls() + to.restCalls() - calls0);
    }

    private List<AssetComparison> examineAll(Library library, List<Asset> selected, Options options) {
        ExecutorService pool = DaemonPools.fixed("amsh-compare", Math.min(options.concurrency(), selected.size()));
        OriginSample sampler = new OriginSample(http);
        try {
            List<Future<AssetComparison>> futures = new ArrayList<>();
            for (Asset a : selected) {
                futures.add(pool.submit(() -> compareOne(library, a, !options.quick(), options.deep() ? sampler : null)));
            }
            List<AssetComparison> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Asset a = selected.get(i);
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

    private static AssetComparison compareOne(Library library, Asset a, boolean listBlobs, OriginSample sampler) {
        Library.Examined e = library.examine(a, listBlobs);
        AssetComparison c = AssetComparison.of(e);
        if (sampler == null || c.status() != AssetComparison.Status.IN_SYNC && c.status() != AssetComparison.Status.DIFFERS) {
            return c;
        }
        Optional<Locator> origin = library.source().liveOrigins(a.id()).stream().findFirst();
        Optional<Locator> replica = origin.flatMap(l -> library.target().locator(l.id()));
        if (origin.isEmpty() || replica.isEmpty()) {
            return c;
        }
        List<Drift> drifts = new ArrayList<>(c.drifts());
        drifts.addAll(sampler.compare(origin.get(), replica.get(), library.source().files(a.id())));
        return new AssetComparison(c.name(), c.sourceId(), c.targetId(),
                drifts.isEmpty() ? AssetComparison.Status.IN_SYNC : AssetComparison.Status.DIFFERS, drifts);
    }
}
