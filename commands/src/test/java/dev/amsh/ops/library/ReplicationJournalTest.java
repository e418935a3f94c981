package dev.amsh.ops.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The journal: what a killed run leaves, what continues it, and what a finished run leaves (nothing to resume). */
class ReplicationJournalTest {
    static ReplicationJournal.Plan plan(String run, String glob) {
        return new ReplicationJournal.Plan(run, "a", "b", false, List.of(), glob, null, 8, 0, "2026-11-26T00:00:00Z");
    }

    static AssetOutcome outcome(String id, AssetOutcome.Status status) {
        return new AssetOutcome("n-" + id, id, "a", "b", null, status, List.of(), 0, 0, 0, null, List.of(), List.of());
    }

    @Test
    void aKilledRunIsContinuedByTheSamePlanOnlyAndAnEndedOneIsNot(@TempDir Path dir) throws Exception {
        ReplicationJournal j = ReplicationJournal.start(dir, plan("r1", "x*"));
        j.record(outcome("s1", AssetOutcome.Status.REPLICATED));
        j.record(outcome("s2", AssetOutcome.Status.FAILED));
        j.close();
        // a kill can cut the last line short
        Files.writeString(dir.resolve("replicate-r1.jsonl"), "{\"event\":\"asset\",\"sourc", StandardOpenOption.APPEND);

        ReplicationJournal.Unfinished u = ReplicationJournal.latestUnfinished(dir).orElseThrow();
        assertEquals(Set.of("s1"), u.finished(), "a failed asset is not finished");
        assertTrue(ReplicationJournal.continued(dir, plan("r2", "x*")).isPresent());
        assertTrue(ReplicationJournal.continued(dir, plan("r2", "y*")).isEmpty(), "other work starts a new run");

        ReplicationJournal again = ReplicationJournal.resume(u);
        again.end(new ReplicateReport(List.of(), false, 1, 0, 0, 0, null, null));
        again.close();
        assertTrue(ReplicationJournal.latestUnfinished(dir).isEmpty());
    }

    static AssetOutcome held(String id, AssetOutcome.Status status, String to, long length) {
        return new AssetOutcome("n-" + id, id, "a", to, "nb:cid:UUID:t-" + id, status, List.of(), 1, length, 0, null, List.of(),
                List.of(), List.of(new RecordedFile("n-" + id + ".mp4", length, "md5-" + length)));
    }

    @Test
    void theLastRecordOfAnAssetGivesItsBlobsAndWhenAndIgnoresFailuresAndOtherTargets(@TempDir Path dir) throws Exception {
        ReplicationJournal j = ReplicationJournal.start(dir, plan("r1", null));
        j.record(held("s1", AssetOutcome.Status.REPLICATED, "b", 100), java.time.Instant.parse("2026-12-01T10:00:00Z"));
        j.record(held("s1", AssetOutcome.Status.IN_SYNC, "b", 120), java.time.Instant.parse("2026-12-01T11:00:00Z"));
        j.record(held("s1", AssetOutcome.Status.FAILED, "b", 999), java.time.Instant.parse("2026-12-01T12:00:00Z"));
        j.record(held("s2", AssetOutcome.Status.REPLICATED, "c", 50), java.time.Instant.parse("2026-12-01T12:00:00Z"));
        j.close();

        ReplicationJournal.Recorded r = ReplicationJournal.lastRecord(dir, "a", "b", "n-s1").orElseThrow();
        assertEquals("2026-12-01T11:00:00Z", r.at(), "the latest that held, not the failure after it");
        assertEquals("r1", r.run());
        assertEquals(List.of(new RecordedFile("n-s1.mp4", 120, "md5-120")), r.outcome().files());
        assertEquals("nb:cid:UUID:t-s1", r.outcome().targetId());
        assertTrue(ReplicationJournal.lastRecord(dir, "a", "b", "s1").isPresent(), "by source Id too");
        assertTrue(ReplicationJournal.lastRecord(dir, "a", "b", "n-s2").isEmpty(), "replicated to another target");
        assertTrue(ReplicationJournal.lastRecord(dir.resolve("none"), "a", "b", "n-s1").isEmpty());
    }
}
