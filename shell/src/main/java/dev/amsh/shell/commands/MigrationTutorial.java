package dev.amsh.shell.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.ams.Query;
import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.AssetQuery;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.Kind;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.error.AmshException;
import dev.amsh.ops.DatacenterFailover;
import dev.amsh.ops.Encode;
import dev.amsh.ops.Publishing;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.commands.TutorialCommand.Lesson;
import dev.amsh.shell.commands.TutorialCommand.Snapshot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tutorial --v3}: the v2 → v3 migration on a mixed local pair (a v2, b v3). The asset is made and published
 * on a as the procedure does, then failed over to b keeping the origin locator's GUID as b's streamingLocatorId; the
 * last step fetches both URLs and compares their paths and bytes. Each step says what differs between v2 and v3.
 */
final class MigrationTutorial {
    private MigrationTutorial() {
    }

    static final List<Lesson> LESSONS = List.of(
            new Lesson("Upload a mezzanine file into datacenter a (v2)",
                    "a is a v2 account, as the one being migrated. The upload is v2's: an asset, a write SAS locator, the\n"
                            + "blob, CreateFileInfos.\n"
                            + "On v3 the same command PUTs an asset by name and puts the blob straight into its container\n"
                            + "(storage keys, or listContainerSas); there is nothing to register.",
                    s -> "upload --sample --asset tutorial-v3-mezzanine --on a",
                    (r, s) -> s.put("mezzanine", ((MediaAsset) r).id())),
            new Lesson("Encode it on a",
                    "Media Encoder Standard with \"Adaptive Streaming\", as on v2.\n"
                            + "On v3 encode makes a Transform with the built-in AdaptiveStreaming preset (once) and a Job into an\n"
                            + "output asset it creates first; 'jobs ls|show|cancel' take the job's name.",
                    s -> "encode " + s.path("mezzanine").asText() + " --on a",
                    (r, s) -> s.put("output", ((Encode.Result) r).output().id())),
            new Lesson("Publish the output on a: an origin locator",
                    "The origin locator's Id nb:lid:UUID:G puts G first in every streaming URL path. That G is what the\n"
                            + "migration keeps. On v3, publish makes a streaming locator (Predefined_ClearStreamingOnly) whose\n"
                            + "streamingLocatorId plays the same part; its URLs come from listPaths and the endpoint's host.",
                    s -> "publish " + s.path("output").asText() + " --on a",
                    (r, s) -> s.put("url", ((Publishing.Published) r).streamingUrl())),
            new Lesson("b's streaming endpoint",
                    "v2 has no streaming endpoint to manage: its origin always serves. A v3 account streams only through\n"
                            + "a running streaming endpoint; a stopped one serves nothing ('endpoints start default --on b').",
                    s -> "endpoints ls --on b",
                    (r, s) -> { }),
            new Lesson("Fail over to b: v2 → v3, keeping the GUID",
                    "The whole procedure in one command, written once against both kinds. The steps v3 has not are skipped\n"
                            + "and say why: no SAS locators (listContainerSas gives container URLs), no CreateFileInfos (the origin\n"
                            + "reads the container's blobs). The origin locator nb:lid:UUID:G becomes the streaming locator G with\n"
                            + "streamingLocatorId G, so b's URL keeps a's path.",
                    s -> "failover " + s.path("output").asText() + " --from a --to b",
                    (r, s) -> {
                        DatacenterFailover.Result f = (DatacenterFailover.Result) r;
                        s.put("target", f.target().name()).put("replica", f.replicatedUrl()).put("original", f.originalUrl());
                    }),
            new Lesson("The same URL but for the host, the same bytes",
                    "b's streaming locator: its name and streamingLocatorId are a's GUID. The tutorial then fetches a's URL\n"
                            + "and b's: the paths are equal, and so are the bytes, so a player, a CDN or a traffic manager switches\n"
                            + "from a to b by host alone.",
                    s -> "locators ls " + s.path("target").asText() + " --on b",
                    (r, s) -> { },
                    MigrationTutorial::compareUrls));

    /** The last step's proof: a's and b's URLs, their paths and their bytes. */
    static String compareUrls(ObjectNode state) {
        String a = state.path("original").asText();
        String b = state.path("replica").asText();
        try {
            HttpClient http = HttpClient.newHttpClient();
            byte[] fromA = http.send(HttpRequest.newBuilder(URI.create(a)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpResponse<byte[]> fromB = http.send(HttpRequest.newBuilder(URI.create(b)).build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean samePath = URI.create(a).getPath().equals(URI.create(b).getPath());
            boolean sameBytes = fromB.statusCode() == 200 && Arrays.equals(fromA, fromB.body());
            return "a's URL  " + a + "\nb's URL  " + b + "\npaths " + (samePath ? "equal" : "DIFFER") + "; b answers "
                    + fromB.statusCode() + "; bytes " + (sameBytes ? "equal (" + fromA.length + " bytes)" : "DIFFER");
        } catch (IOException e) {
            return "could not fetch the URLs: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while fetching the URLs";
        }
    }

    static String done(ObjectNode state) {
        return "tutorial --v3 done: " + state.path("replica").asText("") + " is the migrated URL.\n"
                + "The same shell drives both kinds; docs/v3.md has the table of what differs. 'tutorial --v3 reset' starts over.";
    }

    /** The chapter needs a v2 a and a v3 b: the pair of 'amsh --local-kind v2,v3'. */
    static void requireMixedPair(ShellControl s) {
        if (s.contexts().get("a").kind() != Kind.V2 || s.contexts().get("b").kind() != Kind.V3) {
            throw new AmshException("tutorial --v3 runs on a mixed local pair (a v2, b v3)",
                    "start amsh with --local-kind v2,v3 (or 'amsh local up --kind v2,v3' first)");
        }
    }

    /** Counts through the seam, for either kind: assets, locators, policies (v2), and the tracked assets' blobs and files. */
    static Map<String, Snapshot> snapshots(ShellControl s, ObjectNode state) {
        Map<String, Snapshot> out = new LinkedHashMap<>();
        Map<String, List<String>> tracked = Map.of("a", List.of("mezzanine", "output"), "b", List.of("target"));
        for (String n : List.of("a", "b")) {
            AccountContext ctx = s.contexts().get(n);
            Datacenter dc = ctx.datacenter();
            int blobs = 0;
            int files = 0;
            for (String key : tracked.get(n)) {
                if (state.hasNonNull(key)) {
                    MediaAsset asset = dc.resolve(state.get(key).asText());
                    files += dc.files(asset).size();
                    blobs += ctx.hasStorageKeys() ? ctx.storage().list(asset.container()).size() : dc.files(asset).size();
                }
            }
            int policies = dc.can().accessPolicies() ? (int) ctx.ams().listAccessPolicies(Query.all()).stream().count() : 0;
            out.put(n, new Snapshot((int) dc.assets(AssetQuery.all()).stream().count(), (int) dc.allLocators().stream().count()
                    + (dc.can().sasLocators() ? sasLocators(ctx) : 0), policies, blobs, dc.can().registersFiles() ? files : 0));
        }
        return out;
    }

    private static int sasLocators(AccountContext ctx) {
        return (int) ctx.ams().listLocators(Query.filter("Type eq 1")).stream().count();
    }
}
