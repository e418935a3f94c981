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
}
