package dev.amsh.ops;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.ops.Failover.LocatorReplica;
import dev.amsh.storage.BlobEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code failover --dry-run}: what a run would do now, from reads alone; what an earlier run did is not planned again. */
final class FailoverPlan {
    private final AccountContext from;
    private final AccountContext to;

    FailoverPlan(AccountContext from, AccountContext to) {
        this.from = from;
        this.to = to;
    }

    Failover.Result plan(Asset source, SourceLocators origins, List<Optional<Locator>> present, String ism,
                         boolean skipSas, Optional<Asset> existingTarget, List<Asset> duplicates,
                         Consumer<Step> emit, List<Step> steps) {
        Failover.StepTitles titles = new Failover.StepTitles(from.name(), to.name());
        emit.accept(new Step(2, titles.of(2), skipSas ? Step.Status.SKIPPED : Step.Status.PLANNED,
                skipSas ? "storage keys at hand: container " + source.containerName() + " known from Asset.Uri"
                        : "policy Read 24h + SAS locator, removed at the end"));
        emit.accept(new Step(3, titles.of(3), existingTarget.isPresent() ? Step.Status.SKIPPED : Step.Status.PLANNED,
                existingTarget.map(t -> "reuse " + t.id()).orElse("create '" + source.containerName() + "'")
                        + (duplicates.isEmpty() ? "" : "; " + duplicates.size() + " duplicate(s) for 'cleanup'")));
        emit.accept(new Step(4, titles.of(4), skipSas ? Step.Status.SKIPPED : Step.Status.PLANNED,
                skipSas ? "storage keys at hand: container known from Asset.Uri"
                        : "policy Write 24h + SAS locator, removed at the end"));
        List<BlobEntry> blobs = from.storage().list(source.containerName());
        Map<String, BlobEntry> there = new HashMap<>();
        existingTarget.ifPresent(t -> to.storage().list(t.containerName()).forEach(e -> there.put(e.name(), e)));
        List<BlobEntry> toCopy = blobs.stream().filter(BlobEntry::isBlockBlob)
                .filter(e -> there.get(e.name()) == null || !there.get(e.name()).isCopyOf(e)).toList();
        long bytes = toCopy.stream().mapToLong(BlobEntry::length).sum();
        emit.accept(new Step(5, titles.of(5), toCopy.isEmpty() ? Step.Status.SKIPPED : Step.Status.PLANNED,
                toCopy.size() + " of " + blobs.size() + " blobs to copy, " + bytes + " bytes, server-side"));
        boolean registered = existingTarget.isPresent() && toCopy.isEmpty()
                && Failover.coversBlobs(to.ams().listFiles(existingTarget.get().id()), new ArrayList<>(there.values()));
        emit.accept(new Step(6, titles.of(6), registered ? Step.Status.SKIPPED : Step.Status.PLANNED,
                registered ? "files already registered" : "then mark the .ism primary"));
        List<LocatorReplica> locators = new ArrayList<>();
        for (int i = 0; i < origins.toReplicate().size(); i++) {
            Locator l = origins.toReplicate().get(i);
            locators.add(new LocatorReplica(l, present.get(i).orElse(null), LocatorWindow.of(l, origins.now()),
                    present.get(i).isPresent() ? LocatorReplica.Outcome.PRESENT : LocatorReplica.Outcome.PLANNED));
        }
        origins.expired().forEach(l -> locators.add(new LocatorReplica(l, null, LocatorWindow.of(l, origins.now()),
                LocatorReplica.Outcome.SKIPPED_EXPIRED)));
        boolean allPresent = locators.stream().noneMatch(r -> r.outcome() == LocatorReplica.Outcome.PLANNED);
        emit.accept(new Step(7, titles.of(7), allPresent ? Step.Status.SKIPPED : Step.Status.PLANNED,
                LocatorReplication.describe(locators)));
        Locator primary = origins.toReplicate().get(0);
        String originalUrl = ism == null ? primary.path() : StreamingUrls.manifestUrl(primary, ism);
        return new Failover.Result(source, existingTarget.orElse(null), primary, present.get(0).orElse(null),
                originalUrl, null, null, List.copyOf(steps), true, List.copyOf(locators), List.of());
    }
}
