package dev.amsh.ops.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.error.AmshException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The record of a replicate run, one JSON line per event in {@code replicate-<run>.jsonl}: the plan (directions,
 * selection, options, the source assets), then each asset's outcome as it finishes (written and forced to disk
 * before the next one is reported), then the end. A file without its end is a run that was killed or stopped:
 * the next run with the same plan continues it. Holds no secret: Ids, names, counts.
 */
public final class ReplicationJournal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The plan of a run: what a continuation must repeat. */
    public record Plan(String run, String from, String to, boolean bothWays, List<String> assets, String glob,
                       String filter, int concurrency, double maxRps, String started) {
        public Plan {
            assets = assets == null ? List.of() : List.copyOf(assets);
        }

        boolean sameWork(Plan o) {
            return from.equals(o.from) && to.equals(o.to) && bothWays == o.bothWays && assets.equals(o.assets)
                    && Objects.equals(glob, o.glob) && Objects.equals(filter, o.filter);
        }

        public Selection selection() {
            return new Selection(assets, glob, filter);
        }
    }

    /** A run that did not reach its end: its plan and the source assets it had finished. */
    public record Unfinished(Path file, Plan plan, Set<String> finished) {
    }

    private final Path file;
    private final FileChannel channel;

    private ReplicationJournal(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** A new journal holding {@code plan}. */
    public static ReplicationJournal start(Path dir, Plan plan) {
        try {
            Files.createDirectories(dir);
            ReplicationJournal j = new ReplicationJournal(dir.resolve("replicate-" + plan.run() + ".jsonl"));
            ObjectNode line = JSON.createObjectNode().put("event", "plan");
            line.set("plan", JSON.valueToTree(plan));
            j.append(line);
            return j;
        } catch (IOException e) {
            throw new AmshException("cannot write the replicate journal in " + dir + ": " + e.getMessage(),
                    "check that the folder is writable");
        }
    }

    /**
     * A single-asset failover's record, {@code failover-<time>.jsonl}: the asset line and the end, so {@code verify}
     * finds what the target must hold when the source does not answer, and no resume ever takes it for a stopped run.
     */
    public static Path recordFailover(Path dir, AssetOutcome outcome, Instant at) {
        String run = at.toString().replace(':', '-') + "-" + Integer.toHexString(outcome.sourceId().hashCode());
        try {
            Files.createDirectories(dir);
            try (ReplicationJournal j = new ReplicationJournal(dir.resolve("failover-" + run + ".jsonl"))) {
                j.append(JSON.createObjectNode().put("event", "plan").set("plan", JSON.createObjectNode()
                        .put("run", run).put("from", outcome.from()).put("to", outcome.to()).put("started", at.toString())));
                j.record(outcome, at);
                j.append(JSON.createObjectNode().put("event", "end").put("succeeded", true).put("millis", outcome.millis()));
                return j.file();
            }
        } catch (IOException e) {
            throw new AmshException("cannot write the failover record in " + dir + ": " + e.getMessage(),
                    "check that the folder is writable");
        }
    }

    /** Appends to an unfinished run's journal. */
    public static ReplicationJournal resume(Unfinished u) {
        try {
            ReplicationJournal j = new ReplicationJournal(u.file());
            j.append(JSON.createObjectNode().put("event", "resumed"));
            return j;
        } catch (IOException e) {
            throw new AmshException("cannot append to " + u.file() + ": " + e.getMessage(), "check that it is writable");
        }
    }

    /** The newest run in {@code dir} that did not reach its end, if any. */
    public static Optional<Unfinished> latestUnfinished(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("replicate-.*\\.jsonl"))
                    .sorted(Comparator.comparing(ReplicationJournal::modified).reversed()).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        return files.isEmpty() ? Optional.empty() : read(files.get(0));
    }

    /** The unfinished run {@code plan} continues: the latest one, when it planned the same work. */
    public static Optional<Unfinished> continued(Path dir, Plan plan) {
        return latestUnfinished(dir).filter(u -> u.plan().sameWork(plan));
    }

    static Optional<Unfinished> read(Path file) {
        Plan plan = null;
        Set<String> finished = new HashSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // a line cut short by a kill: the asset it reported is simply looked at again
                }
                switch (n.path("event").asText()) {
                    case "plan" -> plan = JSON.treeToValue(n.get("plan"), Plan.class);
                    case "asset" -> {
                        String status = n.path("status").asText();
                        if (!status.equals("FAILED") && !status.equals("NOT_RUN")) {
                            finished.add(n.path("sourceId").asText());
                        }
                    }
                    case "end" -> {
                        return Optional.empty();
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return plan == null ? Optional.empty() : Optional.of(new Unfinished(file, plan, finished));
    }

    public Path file() {
        return file;
    }

    public synchronized void record(AssetOutcome outcome) {
        record(outcome, null);
    }

    /** One asset's outcome, with the time it finished (when known). */
    public synchronized void record(AssetOutcome outcome, Instant at) {
        ObjectNode line = JSON.valueToTree(outcome);
        line.put("event", "asset");
        if (at != null) {
            line.put("at", at.toString());
        }
        append(line);
    }

    /** What a run recorded of one source asset it replicated (or found in sync): the blobs the target must hold. */
    public record Recorded(Path journal, String run, String at, AssetOutcome outcome) {
    }

    /**
     * The latest record, over every journal in {@code dir}, of {@code asset} (its name or Id on {@code from})
     * replicated to {@code to} or found in sync there, with its source blobs listed.
     */
    public static Optional<Recorded> lastRecord(Path dir, String from, String to, String asset) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("(replicate|failover)-.*\\.jsonl"))
                    .sorted(Comparator.comparing(ReplicationJournal::modified).reversed()).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Path f : files) {
            Optional<Recorded> found = lastRecordIn(f, from, to, asset);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Recorded> lastRecordIn(Path file, String from, String to, String asset) {
        Recorded last = null;
        String run = null;
        String started = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (n.path("event").asText().equals("plan")) {
                    run = n.path("plan").path("run").asText(null);
                    started = n.path("plan").path("started").asText(null);
                } else if (n.path("event").asText().equals("asset")) {
                    String status = n.path("status").asText();
                    boolean held = status.equals("REPLICATED") || status.equals("IN_SYNC");
                    boolean named = asset.equals(n.path("name").asText()) || asset.equalsIgnoreCase(n.path("sourceId").asText());
                    if (held && named && from.equals(n.path("from").asText()) && to.equals(n.path("to").asText())
                            && n.path("files").size() > 0 && n.hasNonNull("targetId")) {
                        AssetOutcome o = JSON.treeToValue(((ObjectNode) n.deepCopy()).without(List.of("event", "at")), AssetOutcome.class);
                        last = new Recorded(file, run, n.path("at").asText(started), o);
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(last);
    }

    /** The end: only a run that went through every asset (failed ones included) writes it. */
    public synchronized void end(ReplicateReport report) {
        append(JSON.createObjectNode().put("event", "end").put("succeeded", report.succeeded())
                .put("millis", report.millis()));
    }

    private void append(JsonNode line) {
        try {
            channel.write(ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new AmshException("cannot write the replicate journal " + file + ": " + e.getMessage(),
                    "check the disk; the run itself is safe to repeat");
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to write
        }
    }
}
