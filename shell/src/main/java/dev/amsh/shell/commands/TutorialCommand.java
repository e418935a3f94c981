package dev.amsh.shell.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.ops.DatacenterCopy;
import dev.amsh.ops.Encode;
import dev.amsh.ops.ProcedureStep;
import dev.amsh.ops.Publishing;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code tutorial}: the failover procedure on the local pair, one step at a time. Each step says what it is
 * for and which command does it; {@code tutorial next} runs that command with trace on, then shows what
 * changed in each datacenter. Progress is saved, so the tutorial can be left and resumed.
 */
public final class TutorialCommand implements ShellCommand {
    static final Opt<Boolean> V3 = Opt.flag("v3", "the v2 → v3 migration chapter, on a mixed pair (amsh --local-kind v2,v3)");

    /**
     * One step: why, the command (built from what earlier steps made), what to keep from its result, and what to
     * show after it (null: nothing more than what changed).
     */
    record Lesson(String title, String why, Function<ObjectNode, String> command, Keeper keep, Function<ObjectNode, String> after) {
        Lesson(String title, String why, Function<ObjectNode, String> command, Keeper keep) {
            this(title, why, command, keep, null);
        }
    }

    @FunctionalInterface
    interface Keeper {
        void keep(Object result, ObjectNode state);
    }

    static final List<Lesson> LESSONS = List.of(
            new Lesson("Upload a mezzanine file into datacenter a" + step(ProcedureStep.A2),
                    "Everything starts with a source asset: a blob container in a's storage holding the mezzanine.\n"
                            + "The sample is made with ffmpeg; the upload goes through a temporary write SAS locator.",
                    s -> "upload --sample --asset tutorial-mezzanine --on a",
                    (r, s) -> s.put("mezzanine", ((MediaAsset) r).id())),
            new Lesson("Encode it into an adaptive MP4 set" + step(ProcedureStep.A3),
                    "Media Encoder Standard with the \"Adaptive Streaming\" preset makes an H.264 ladder, an AAC track and the\n"
                            + ".ism server manifest. The output is a new asset; its .ism becomes the primary file.",
                    s -> "encode " + s.path("mezzanine").asText() + " --on a",
                    (r, s) -> s.put("output", ((Encode.Result) r).output().id())),
            new Lesson("Publish the output on a: an origin locator" + step(ProcedureStep.A6),
                    "An OnDemandOrigin locator makes the asset streamable: http://<origin>/<locator-guid>/<name>.ism/manifest.\n"
                            + "Its Id is what b will reuse, so the path stays the same there.",
                    s -> "publish " + s.path("output").asText() + " --on a",
                    (r, s) -> s.put("locator", ((Publishing.Published) r).locator().id())),
            new Lesson("Read SAS locator on the source (the procedure's steps " + ProcedureStep.span(ProcedureStep.A4, ProcedureStep.A5) + ")",
                    "The documented procedure learns the source container's name from a read-only SAS locator's path.",
                    s -> "sas read " + s.path("output").asText() + " --on a",
                    (r, s) -> s.put("readSas", ((SasCommands.SasResult) r).locatorId()).put("container", ((SasCommands.SasResult) r).containerName())),
            new Lesson("An empty target asset on b, named after the source container" + step(ProcedureStep.B2),
                    "The replica is a new asset in b's account; it gets a container of its own in b's storage.",
                    s -> "assets create " + s.path("container").asText() + " --on b",
                    (r, s) -> s.put("target", ((MediaAsset) r).id())),
            new Lesson("Write SAS locator on the target" + step(ProcedureStep.B3),
                    "Likewise the target container's name comes from a write SAS locator.",
                    s -> "sas write " + s.path("target").asText() + " --on b",
                    (r, s) -> s.put("writeSas", ((SasCommands.SasResult) r).locatorId())),
            new Lesson("Copy the blobs, server-side" + step(ProcedureStep.B4),
                    "Every blob is copied from a's storage into the target container in b's storage; no byte passes\n"
                            + "through amsh. The two SAS locators gave only the container names (the paths of their URLs):\n"
                            + "the copy itself signs with the storage account keys of a and b, as the procedure's copy does.\n"
                            + "Watch the trace: these are storage calls, not Media Services calls.",
                    s -> "copy " + s.path("output").asText() + " --on a --to b --into " + s.path("target").asText(),
                    (r, s) -> s.put("copied", ((DatacenterCopy.Result) r).report().blobs().size())),
            new Lesson("Register the copied blobs as files: CreateFileInfos" + step(ProcedureStep.B5),
                    "Blobs copied behind the service's back are unknown to it until CreateFileInfos lists the container\n"
                            + "and creates one AssetFile per blob. The SDK never had this call; it is plain REST.",
                    s -> "fileinfos " + s.path("target").asText() + " --on b",
                    (r, s) -> { }),
            new Lesson("Clone the origin locator with the same Id" + step(ProcedureStep.B6),
                    "CreateLocator accepts a caller-chosen Id: b gets a locator with a's Id, so the streaming URLs differ\n"
                            + "only by host, and a traffic manager or CDN can switch between the two origins.",
                    s -> "locator clone " + s.path("locator").asText() + " --on a --to b --asset " + s.path("target").asText(),
                    (r, s) -> s.put("replica", ((OriginLocator) r).guid().toString())),
            new Lesson("Remove the temporary SAS locators",
                    "An asset holds at most five locators, and SAS URLs grant storage access: the procedure deletes them.",
                    s -> "sas rm " + s.path("readSas").asText() + " --on a; sas rm " + s.path("writeSas").asText() + " --on b",
                    (r, s) -> { }),
            new Lesson("The payoff: a viewer keeps watching when a falls",
                    "The point of it all. The stream plays through the pair's front (its traffic manager or CDN: one host\n"
                            + "over both origins) in a real browser; a goes down mid-play; the front sends the player to b,\n"
                            + "whose locator has the same Id, so the path is the same. The timeline says what the viewer saw.",
                    s -> "drill " + s.path("output").asText() + " --mode proxy --fail-after 8s --duration 20s",
                    (r, s) -> { }));

    /** b's streaming base for the cloned locator's GUID: the path a's URLs keep, on b's host. */
    private static String replicaPath(ShellControl s, String guid) {
        if (guid.isEmpty()) {
            return "(no replica yet)";
        }
        Datacenter b = s.contexts().get("b").datacenter();
        return b.locator(UUID.fromString(guid)).map(b::streamingBase).orElse("(locator " + guid + " is gone from b)");
    }

    /** " (the procedure's step B2)": the documented procedure's own number for a lesson. */
    private static String step(ProcedureStep p) {
        return " (" + p.reference() + ")";
    }

    private final Path stateFile;
    // made on first use: every start builds the registry, few run the tutorial
    private ObjectMapper json;

    public TutorialCommand(Path stateFile) {
        this.stateFile = stateFile;
    }

    public CommandSpec spec() {
        return CommandSpec.of("tutorial", "learn the failover procedure on the local pair, one step at a time")
                .param(ParamSpec.optional("next|reset", ValueKind.TEXT, "run the current step, or start over"))
                .option(V3)
                .details("'tutorial' shows the current step; 'tutorial next' runs it with trace on and shows what changed\n"
                        + "in each datacenter. Leave any time; 'tutorial' resumes where you were.\n"
                        + "'tutorial --v3' is the migration: upload, encode and publish on a v2 a, fail over to a v3 b keeping\n"
                        + "the GUID, and the two URLs compared (paths and bytes); each step says what differs on v3.")
                .build();
    }

    public Object run(Invocation inv, ShellControl s) throws Exception {
        String verb = inv.param(0);
        if (verb != null && !verb.equals("next") && !verb.equals("reset")) {
            throw new AmshException("tutorial takes next or reset, not '" + verb + "'", "type 'tutorial' to see the current step");
        }
        requireLocalPair(s);
        boolean v3 = inv.get(V3);
        if (v3) {
            MigrationTutorial.requireMixedPair(s);
        }
        Path file = v3 ? stateFile.resolveSibling("tutorial-v3.json") : stateFile;
        List<Lesson> lessons = v3 ? MigrationTutorial.LESSONS : LESSONS;
        String name = v3 ? "tutorial --v3" : "tutorial";
        ObjectNode state = load(file);
        if ("reset".equals(verb)) {
            Files.deleteIfExists(file);
            return name + " reset; '" + name + "' shows the first step";
        }
        int step = state.path("step").asInt(0);
        if (step >= lessons.size()) {
            return v3 ? MigrationTutorial.done(state) : "tutorial done: " + replicaPath(s, state.path("replica").asText(""))
                    + " is the replica's origin path.\n"
                    + "Try the drill in the other modes ('drill " + state.path("output").asText() + " --mode steering',\n"
                    + "'--mode redirect', '--format dash'), see the front with 'front status'; 'tutorial reset' starts over.";
        }
        Lesson lesson = lessons.get(step);
        String command = lesson.command().apply(state);
        if (verb == null) {
            return String.format("step %d of %d: %s%n%n%s%n%n  command: %s%n%nType '%s next' to run it (with trace on).",
                    step + 1, lessons.size(), lesson.title(), lesson.why(), command, name);
        }
        Map<String, Snapshot> before = v3 ? MigrationTutorial.snapshots(s, state) : snapshots(s, state);
        s.console().out().println("> " + command);
        s.console().out().flush();
        boolean tracing = s.tracing();
        s.setTracing(true);
        Object last = null;
        try {
            for (String part : command.split(";")) {
                last = s.runCommandLine(part.strip(), true);
            }
        } finally {
            s.setTracing(tracing);
        }
        lesson.keep().keep(last instanceof dev.amsh.shell.render.TextView tv ? tv.value() : last, state);
        state.put("step", step + 1);
        save(file, state);
        StringBuilder sb = new StringBuilder("\nwhat changed:\n");
        Map<String, Snapshot> after = v3 ? MigrationTutorial.snapshots(s, state) : snapshots(s, state);
        for (String ctx : after.keySet()) {
            sb.append("  ").append(ctx).append(": ").append(after.get(ctx).diff(before.get(ctx))).append('\n');
        }
        if (lesson.after() != null) {
            sb.append('\n').append(lesson.after().apply(state)).append('\n');
        }
        sb.append(step + 1 < lessons.size() ? "\nnext: '" + name + "' shows step " + (step + 2) : "\nthat was the last step: '" + name + "' sums up");
        return sb.toString();
    }

    private static void requireLocalPair(ShellControl s) {
        for (String n : List.of("a", "b")) {
            AccountContext c = s.contexts().get(n);
            String d = c.config().description();
            if (d == null || !d.startsWith("local pair")) {
                throw new AmshException("the tutorial runs on the local pair only", "start amsh with --local (or with no contexts configured)");
            }
        }
    }

    /** Counts of what a datacenter holds (and the blobs and files of the tutorial's assets), to show what a step changed. */
    record Snapshot(int assets, int locators, int policies, int blobs, int files) {
        String diff(Snapshot before) {
            List<String> parts = new ArrayList<>();
            add(parts, assets - before.assets, "asset");
            add(parts, locators - before.locators, "locator");
            add(parts, policies - before.policies, "access policy");
            add(parts, blobs - before.blobs, "blob");
            add(parts, files - before.files, "file");
            return parts.isEmpty() ? "no change" : String.join(", ", parts);
        }

        private static void add(List<String> parts, int delta, String what) {
            if (delta != 0) {
                parts.add((delta > 0 ? "+" : "") + delta + " " + what + (Math.abs(delta) == 1 ? "" : what.endsWith("y") ? "" : "s"));
            }
        }
    }

    private static Map<String, Snapshot> snapshots(ShellControl s, ObjectNode state) {
        Map<String, Snapshot> out = new LinkedHashMap<>();
        Map<String, List<String>> tracked = Map.of("a", List.of("mezzanine", "output"), "b", List.of("target"));
        for (String n : List.of("a", "b")) {
            AccountContext ctx = s.contexts().get(n);
            var ams = ctx.ams();
            int blobs = 0;
            int files = 0;
            for (String key : tracked.get(n)) {
                if (state.hasNonNull(key)) {
                    Asset asset = ams.getAsset(state.get(key).asText());
                    blobs += ctx.storage().list(asset.containerName()).size();
                    files += ams.listFiles(asset.id()).size();
                }
            }
            out.put(n, new Snapshot((int) ams.listAssets(Query.all()).stream().count(),
                    (int) ams.listLocators(Query.all()).stream().count(),
                    (int) ams.listAccessPolicies(Query.all()).stream().count(), blobs, files));
        }
        return out;
    }

    private ObjectNode load(Path file) throws IOException {
        return Files.isRegularFile(file) ? (ObjectNode) json().readTree(file.toFile()) : json().createObjectNode();
    }

    private synchronized ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper();
        }
        return json;
    }

    private void save(Path file, ObjectNode state) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        json().writeValue(file.toFile(), state);
    }
}
