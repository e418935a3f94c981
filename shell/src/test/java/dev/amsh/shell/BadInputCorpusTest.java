package dev.amsh.shell;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.context.AccountContext;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextsFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.encoder.Ffmpeg;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.PairContexts;
import dev.amsh.ops.SasLocator;
import dev.amsh.shell.app.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bad-input corpus: every case gets one line saying what was wrong and what to do next, a non-zero exit,
 * and no change on either datacenter (both are listed before and after). Session cases run the way {@code -c}
 * runs a line; start-up cases run amsh's main with arguments and environment.
 */
@ExtendWith(LocalPairExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
    static final String GUID = UUID.randomUUID().toString();

    ShellFixture f;
    LocalPair pair;
    Path dir;
    Map<String, String> vars = new LinkedHashMap<>();

    @BeforeAll
    void setUp(LocalPair pair) throws Exception {
        this.pair = pair;
        f = new ShellFixture(pair);
        dir = Files.createTempDirectory("amsh-bad-input");
        AccountContext a = f.session.contexts().get("a");
        AmsClient ams = a.ams();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Asset published = ams.createAsset("bi-" + tag, 0, null);
        a.storage().container(published.containerName()).getBlobClient("clip.ism").upload(BinaryData.fromString("<smil/>"));
        PublishedAssets.register(a, published.id());
        OriginLocator origin = PublishedAssets.publish(a, published.id(), 30, null);
        OriginLocator expired = PublishedAssets.publish(a, published.id(), 30, UUID.randomUUID());
        ams.updateLocatorExpiry(expired.id(), Instant.now().minus(Duration.ofDays(3)));
        SasLocator sas = SasLocator.create("a", ams, published, false, Duration.ofHours(1), Clock.systemUTC(), "amsh sas read " + tag);
        Asset unpublished = ams.createAsset("bi-unpub-" + tag, 0, null);
        vars.put("{asset}", published.name());
        vars.put("{unpublished}", unpublished.name());
        vars.put("{origin}", origin.id());
        vars.put("{expired}", expired.id());
        vars.put("{sas}", sas.locator().id());
        vars.put("{guid}", GUID);
        vars.put("{dir}", dir.toString());
        Files.write(dir.resolve("notmedia.mp4"), "this is a text file, not a video".repeat(100).getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("bad name.mp4"), new byte[1000]);
        Files.writeString(dir.resolve("placeholders.config"), ContextsTest.APP_CONFIG
                .replace("value=\"amsA\"", "value=\"Media-Services-Account-Name-Source\""));
        Files.writeString(dir.resolve("masked.config"), ContextsTest.APP_CONFIG.replace("value=\"a2V5QQ==\"", "value=\"***\""));
        Files.writeString(dir.resolve("broken.config"), "<configuration><appSettings><add key=");
        Files.writeString(dir.resolve("partial.config"), ContextsTest.APP_CONFIG.replaceAll("(?m)^.*StorageAccountKeyTarget.*$", ""));
        Files.writeString(dir.resolve("invalid.json"), "{ \"contexts\": { \"a\": ");
        Files.writeString(dir.resolve("shape.json"), "{ \"contexts\": [] }");
        Files.writeString(dir.resolve("auth-shape.json"), "{ \"contexts\": { \"a\": { \"auth\": \"acs\" } } }");
        Files.writeString(dir.resolve("api-root.json"), "{ \"contexts\": { \"x\": { \"apiRoot\": \"notaurl\","
                + " \"auth\": { \"type\": \"acs\", \"accountName\": \"n\", \"accountKey\": \"eA==\" } } } }");
        Files.writeString(dir.resolve("connection-string.json"), "{ \"contexts\": { \"x\": { \"apiRoot\": \"https://media.windows.net/api/\","
                + " \"auth\": { \"type\": \"acs\", \"accountName\": \"n\", \"accountKey\": \"eA==\" },"
                + " \"storage\": { \"connectionString\": \"garbage-not-a-connection-string\" } } } }");
        Files.writeString(dir.resolve("syntax.groovy"), "def x = { \nprintln 'never'\n");
        Files.writeString(dir.resolve("fails.groovy"), "failover('no-such-asset-" + tag + "', to: 'b')\n");
        Files.writeString(dir.resolve("args.groovy"), "assets.ls(top: -1)\n");
        // a contexts file for start-up cases: a and b on the shared pair, and d whose API does not answer
        Map<String, ContextConfig> configs = new LinkedHashMap<>(PairContexts.configs(pair));
        ContextConfig onA = configs.get("a");
        configs.put("m", new ContextConfig(onA.apiRoot(), ContextConfig.Auth.acs(onA.auth().accountName(), "***", onA.auth().acsUrl()),
                onA.storage(), null));
        configs.put("e", new ContextConfig("http://127.0.0.1:9/api/", ContextConfig.Auth.acs("x", "env:AMSH_TEST_KEY", null), null, null));
        configs.put("d", new ContextConfig("http://127.0.0.1:9/api/", ContextConfig.Auth.acs("x", "eA==", "http://127.0.0.1:9/acs"),
                null, null));
        new ContextsFile(dir.resolve("contexts.json")).write(new ContextsFile.Content("a", configs));
        Ffmpeg.locate(LocalPairExtension.toolsDir().resolve("ffmpeg"), s -> { }); // the media probe needs one at hand
    }

    @AfterAll
    void restore() throws Exception {
        pair.datacenter("b").start();
    }

    /** A case: the lines run in turn (only the last is expected to fail), and a fragment its one line must hold. */
    record Case(String label, List<String> lines, String expect) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Case c(String line, String expect) {
        return new Case(line, List.of(line), expect);
    }

    static Stream<Arguments> sessionCases() {
        return Stream.of(
                c("asets ls", "did you mean 'assets'"),
                c("assets ls --top 0", "--top"),
                c("assets ls --top abc", "--top"),
                c("assets ls --bogus", "unknown option --bogus"),
                c("assets ls | head", "unknown command or variable 'head'"),
                c("assets ls |", "an empty stage in a pipe"),
                c("assets ls --query '[.'", "is not a JMESPath expression"),
                c("assets ls --filter \"Nmae eq 'x'\"", "Nmae"),
                c("assets ls --filter \"Name eq\"", "HTTP 400"),
                c("assets show", "ASSET"),
                c("assets show nb:cid:UUID:not-a-guid", "is not a valid Id"),
                c("assets show nb:jid:UUID:{guid}", "is a job Id, not an asset"),
                c("assets show nb:lid:UUID:{guid}", "does not exist on a"),
                c("assets show no-such-asset-{guid}", "no asset named"),
                c("assets show http://127.0.0.1:1/not-a-guid/clip.ism/manifest", "is not a streaming URL"),
                c("assets show http://127.0.0.1:1/{guid}/clip.ism/manifest", "does not exist on a"),
                c("assets show {guid}", "no asset or locator"),
                c("assets rm", "ASSET"),
                c("assets rm nb:cid:UUID:{guid}", "HTTP 404"),
                c("assets create", "NAME"),
                c("files ls", "ASSET"),
                c("files ls nb:cid:UUID:{guid}", "HTTP 404"),
                c("locators ls nb:pid:UUID:{guid}", "is an access policy Id"),
                c("locators rm nb:pid:UUID:{guid}", "is an access policy Id"),
                c("locators rm nb:lid:UUID:{guid}", "no origin locator"),
                c("sas read {asset} --hours 0", "--hours"),
                c("sas read no-such-asset-{guid}", "no asset named"),
                c("sas rm not-an-id", "is not an Id"),
                c("sas rm nb:lid:UUID:{guid}", "no locator"),
                c("publish {asset} --days 0", "--days"),
                c("publish {asset} --id nb:cid:UUID:{guid}", "is an asset or file Id, not a locator Id"),
                c("publish {asset} --id garbage", "is not an Id"),
                c("publish no-such-asset-{guid}", "no asset named"),
                c("locator clone nb:lid:UUID:{guid} --to b --asset {asset}", "no origin locator"),
                c("locator clone {sas} --to b --asset {asset}", "is a SAS locator"),
                c("locator clone {origin} --to b", "--asset"),
                c("locator clone {expired} --to b --asset {asset}", "expired 3 days ago"),
                c("locator clone {origin} --to zz --asset {asset}", "zz"),
                c("copy {asset}", "--to"),
                c("copy {asset} --to b --into no-such-asset-{guid}", "no asset named"),
                c("copy {asset} --to b --concurrency 0", "--concurrency"),
                c("failover {asset}", "--to"),
                c("failover {asset} --to a", "is the source context"),
                c("failover {asset} --to zz", "zz"),
                c("failover {asset} --from a --on b --to b", "name different source contexts"),
                c("failover {asset} --to b --concurrency 0", "--concurrency"),
                c("failover {asset} --to b --concurrency 1000", "--concurrency"),
                c("failover {unpublished} --to b", "has no origin locator"),
                c("failover {asset} --to b --bogus", "unknown option --bogus"),
                c("failover nb:cid:UUID:not-a-guid --to b", "is not a valid Id"),
                c("verify {asset} --to a", "is the source context"),
                c("verify {unpublished} --to b", "has no origin locator"),
                c("encode no-such-asset-{guid}", "no asset named"),
                c("encode {unpublished}", "has no files"),
                c("jobs show nb:jid:UUID:{guid}", "HTTP 404"),
                c("jobs cancel nb:cid:UUID:{guid}", "is an asset or file Id, not a job Id"),
                c("upload {dir}/does-not-exist.mp4", "no file"),
                c("upload {dir}/notmedia.mp4", "is not media"),
                c("upload \"{dir}/bad name.mp4\" --force", "cannot be an asset file name"),
                c("context use zz", "zz"),
                c("context show zz", "zz"),
                c("context rm a", "is the local pair's own"),
                c("context rm zz", "zz"),
                c("context import {dir}/missing.config", "cannot read"),
                c("context import {dir}/placeholders.config", "placeholder"),
                c("context import {dir}/broken.config", "cannot read"),
                c("context import {dir}/partial.config", "MediaServicesStorageAccountKeyTarget"),
                c("context import {dir}/masked.config", "MediaServicesAccountKeySource holds the mask"),
                c("context add m --account-name n --account-key *** --storage-name s --storage-key c2VjcmV0",
                        "'--account-key' holds the mask *** that history keeps"),
                c("context add a --account-name n --account-key '***' --storage-name s --storage-key ***",
                        "give '--account-key' and '--storage-key' again"),
                c("context add m --client-id c --tenant t --client-secret *** --connection-string \"AccountName=s;AccountKey=***\"",
                        "'--client-secret' and '--connection-string' hold the mask"),
                c("context add m --account-name n --account-key eA== --tenant t --client-id c --client-secret eA==",
                        "ambiguous sign-in: '--account-name', '--account-key' (ACS) and '--tenant', '--client-id', '--client-secret' (Azure AD)"),
                c("context add m --api-root notaurl --account-name n --account-key eA==", "--api-root 'notaurl' is not an http or https URL"),
                c("context add m --account-name n --account-key eA== --connection-string garbage", "is not a storage connection string"),
                c("context add m --account-name n --account-key eA== --connection-string \"AccountName=s;AccountKey=not base64!\"",
                        "the AccountKey of '--connection-string' is not a storage account key"),
                c("context add m --account-name n --account-key eA== --connection-string \"AccountName=s;AccountKey=eA==;BlobEndpoint=nohost\"",
                        "the blob endpoint of '--connection-string' is not an http or https URL"),
                c("context add m --account-name n --account-key eA== --storage-name s --storage-key %%%", "is not a storage account key"),
                c("upload {dir}/notmedia.mp4 --sample", "upload takes FILE or --sample, not both"),
                c("exit 300", "exit status must be between 0 and 255, not 300"),
                c("exit -1", "exit status must be between 0 and 255"),
                c("tutorial foo", "tutorial takes next or reset, not 'foo'"),
                new Case("a property an asset has not", List.of("x = assets show {asset}", "x.nosuchprop"),
                        "AssetDetails has no property 'nosuchprop': x.nosuchprop (its properties: asset, files, locators, grants)"),
                c("trace maybe", "trace takes on or off"),
                c("help nosuchcommand", "nosuchcommand"),
                c("cleanup --bogus", "unknown option --bogus"),
                c("replicate --to b", "say which assets to replicate"),
                c("replicate --all", "replicate needs --to"),
                c("replicate --all --to a", "is the source context"),
                c("replicate --all --name x* --to b", "does not combine"),
                c("replicate --all --to zz", "zz"),
                c("replicate --all --to b --concurrency 0", "--concurrency"),
                c("replicate --all --to b --max-rps 0", "--max-rps"),
                c("replicate no-such-asset-here --to b", "no asset named or with Id 'no-such-asset-here'"),
                c("replicate --resume --all", "--resume takes the selection"),
                c("locators ls --expired --expiring 3", "select different locators"),
                c("locators ls --expiring soon", "--expiring"),
                c("locator inspect movie", "neither a streaming URL nor a locator Id"),
                c("locator inspect http://127.0.0.1:1/movie.ism/manifest", "no locator GUID in the URL's path"),
                c("compare a", "TO"),
                c("compare a a", "two different contexts"),
                c("compare a zz", "zz"),
                c("compare a b no-such-asset-here", "no asset named or with Id"),
                c("compare a b --concurrency 0", "--concurrency must be between 1 and 64, not 0"),
                c("drill {asset} --format mp4", "--format must be one of hls, dash, smooth, not 'mp4'"),
                c("drill {asset} --fail-after soon", "--fail-after must be a duration"),
                c("drill {asset} --fail-after 0s", "--fail-after must be longer than 0 s"),
                c("drill {asset} --fail-after 30s --duration 20s", "must leave at least 5 s after --fail-after"),
                c("failover {asset} --to b --dry-run=ture", "--dry-run must be true or false, not 'ture'"),
                c("local faults --rate 2", "0 to 1"),
                c("local faults --rate 0.1 --kinds bogus", "unknown fault kind"),
                c("local faults", "--rate"),
                c("local stop c", "a or b"),
                new Case("a kept method called wrong", List.of("def twice(n) { n * 2 }", "twice(1, 2)"), "No signature of method"),
                new Case("b is down", List.of("!stop b", "failover {asset} --to b"), "is the datacenter down"),
                new Case("b is down for copy", List.of("!stop b", "copy {asset} --to b"), "cannot reach")
        ).map(Arguments::of);
    }

    /** Ids of everything on both datacenters that a command could have made, changed the number of, or removed. */
    Set<String> state() {
        Set<String> out = new TreeSet<>();
        for (String n : List.of("a", "b")) {
            AmsClient ams = f.session.contexts().get(n).ams();
            ams.listAssets(Query.all()).forEach(x -> out.add(n + " asset " + x.id() + " " + x.name()));
            ams.listLocators(Query.all()).forEach(x -> out.add(n + " locator " + x.id() + " " + x.expirationDateTime()));
            ams.listAccessPolicies(Query.all()).forEach(x -> out.add(n + " policy " + x.id()));
            ams.listJobs(Query.all()).forEach(x -> out.add(n + " job " + x.id()));
        }
        f.session.contexts().configs().forEach((n, c) -> out.add("context " + n + " " + c.auth() + " " + c.storage()
                + " " + (c.auth() == null ? null : c.auth().accountKey())));
        return out;
    }

    String expand(String s) {
        for (Map.Entry<String, String> e : vars.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionCases")
    void aSessionLineGetsOneLineAndChangesNothing(Case c) throws Exception {
        Set<String> before = state();
        PrintStream stderr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        String line;
        try {
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            int last = c.lines().size() - 1;
            for (int i = 0; i < last; i++) {
                String l = expand(c.lines().get(i));
                if (l.startsWith("!stop ")) {
                    pair.datacenter(l.substring(6)).stop();
                } else {
                    f.session.execute(l); // a setup line: its failure fails the case
                }
            }
            String l = expand(c.lines().get(last));
            Throwable failure = assertThrows(Throwable.class, () -> f.session.execute(l), () -> "the line should be refused: " + l + "\n" + f.take());
            line = f.session.redactor().redact(Main.errorLine(failure, false));
        } finally {
            System.setErr(stderr);
            pair.datacenter("b").start();
        }
        f.take();
        assertOneHelpfulLine(line, c.expect());
        assertEquals("", stray.toString(StandardCharsets.UTF_8), "nothing else printed, such as a parser's own line");
        assertEquals(before, state(), "no change on either datacenter");
    }

    static void assertOneHelpfulLine(String line, String expect) {
        assertFalse(line.strip().contains("\n"), "one line: " + line);
        assertTrue(line.startsWith("error: "), line);
        assertTrue(line.contains(expect), "says '" + expect + "': " + line);
        assertTrue(line.strip().endsWith(")"), "says what to do next, in parentheses: " + line);
    }

    @Test
    void aContextsFileNamedButAbsentIsCreatedByContextAdd() throws Exception {
        Path file = dir.resolve("new-" + UUID.randomUUID() + ".json");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = new Main(Map.of(), dir).run(new String[] {"--contexts", file.toString(), "-c",
                    "context add n --account-name acct --account-key env:NO_SUCH_KEY --storage-name store --storage-key eA==; context ls"});
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.contains("context n saved to " + file), text);
        ContextsFile.Content saved = new ContextsFile(file).read();
        assertEquals("n", saved.current());
        assertEquals("env:NO_SUCH_KEY", saved.contexts().get("n").auth().accountKey());
    }

    static Stream<Arguments> startCases() {
        return Stream.of(
                Arguments.of(List.of("--bogus"), Map.of(), "unknown option --bogus"),
                Arguments.of(List.of("--contexts", "{dir}/nope.json", "-c", "assets ls"), Map.of(), "does not exist"),
                Arguments.of(List.of("-c", "assets ls"), Map.of("AMSH_CONTEXTS", "{dir}/nope.json"), "does not exist"),
                Arguments.of(List.of("--contexts", "{dir}/invalid.json", "-c", "assets ls"), Map.of(), "is not valid JSON"),
                Arguments.of(List.of("--contexts", "{dir}", "-c", "assets ls"), Map.of(), "is a folder, not a file"),
                Arguments.of(List.of("--contexts", "{dir}/no-folder/contexts.json", "-c", "assets ls"), Map.of(), "nor does its folder"),
                Arguments.of(List.of("--contexts", "{dir}/shape.json", "-c", "assets ls"), Map.of(),
                        "shape.json: contexts should be an object of named entries (line 1"),
                Arguments.of(List.of("--contexts", "{dir}/auth-shape.json", "-c", "assets ls"), Map.of(),
                        "contexts.a.auth should be an object"),
                Arguments.of(List.of("--contexts", "{dir}/api-root.json", "-c", "context ls"), Map.of(),
                        "api-root.json: context 'x': apiRoot 'notaurl' is not an http or https URL (set contexts.x.apiRoot to"),
                Arguments.of(List.of("--contexts", "{dir}/connection-string.json", "-c", "assets ls"), Map.of(),
                        "context 'x': storage.connectionString is not a storage connection string"),
                Arguments.of(List.of("-c"), Map.of(), "-c needs a value"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "{dir}/missing.groovy"), Map.of(), "cannot read"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "{dir}/syntax.groovy"), Map.of(), "syntax.groovy"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "{dir}/fails.groovy"), Map.of(), "no asset named"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "{dir}/args.groovy"), Map.of(), "--top"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "-c", "assets ls --on d"), Map.of(), "cannot reach"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "-c", "failover {asset} --to d"), Map.of(), "has no storage account key"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "-c", "assets ls; asets ls"), Map.of(), "did you mean"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "-c", "assets ls --on m"), Map.of(), "auth.accountKey holds the mask"),
                Arguments.of(List.of("--contexts", "{dir}/contexts.json", "-c", "assets ls --on e"), Map.of("AMSH_TEST_KEY", "***"),
                        "environment variable AMSH_TEST_KEY (auth.accountKey) holds the mask"));
    }

    @ParameterizedTest(name = "amsh {0} {1}")
    @MethodSource("startCases")
    void aStartGetsOneLineAndANonZeroExitAndChangesNothing(List<String> args, Map<String, String> env, String expect)
            throws Exception {
        Set<String> before = state();
        Map<String, String> environment = new LinkedHashMap<>();
        env.forEach((k, v) -> environment.put(k, expand(v)));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            status = new Main(environment, dir).run(args.stream().map(this::expand).toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertNotEquals(0, status, "non-zero exit");
        List<String> lines = new ArrayList<>(errors.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("amsh: warning")).toList());
        if (lines.size() == 2 && lines.get(0).matches("error: \\w+\\.groovy:\\d+: .*")) {
            // a runbook's error shows the source line it came from under its one line
            assertTrue(lines.get(1).matches("  \\d+ \\| .+"), "the runbook's source line: " + lines);
            lines.remove(1);
        }
        assertEquals(1, lines.size(), "one line on stderr: " + lines);
        String line = lines.get(0).replaceFirst("^amsh: ", "");
        assertTrue(line.contains(expect), "says '" + expect + "': " + line);
        assertTrue(line.strip().endsWith(")"), "says what to do next: " + line);
        assertEquals(before, state(), "no change on either datacenter");
    }
}
