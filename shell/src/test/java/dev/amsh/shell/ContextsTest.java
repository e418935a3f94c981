package dev.amsh.shell;

import dev.amsh.context.AppConfigImport;
import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.script.ScriptHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Contexts: the file, env: secrets, the App.config import, and an Azure AD context on the local pair. */
@ExtendWith(LocalPairExtension.class)
class ContextsTest {
    static final String APP_CONFIG = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <appSettings>
                <add key="MediaServicesAccountNameSource" value="amsA"/>
                <add key="MediaServicesAccountKeySource" value="a2V5QQ=="/>
                <add key="MediaServicesStorageAccountNameSource" value="storeA"/>
                <add key="MediaServicesStorageAccountKeySource" value="c3RvcmVB"/>
                <add key="MediaServicesAccountNameTarget" value="amsB" />
                <add key="MediaServicesAccountKeyTarget" value=" a2V5Qg==" />
                <add key="MediaServicesStorageAccountNameTarget" value=" storeB" />
                <add key="MediaServicesStorageAccountKeyTarget" value=" c3RvcmVC" />
              </appSettings>
            </configuration>
            """;

    Session session(Path contextsFile, StringWriter out) {
        Redactor redactor = new Redactor();
        Session s = new Session(redactor, Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
                Commands.registry(contextsFile.getParent()), Clock.systemUTC(), ScriptHost::new);
        s.setContexts(new Contexts(new ContextsFile(contextsFile), ContextEnvironment.create(redactor, s.traceSink(),
                Map.of("AMS_B_SECRET", "from-the-environment"))));
        return s;
    }

    @Test
    void appConfigImportGivesSourceAndTargetContextsWrittenOwnerOnly(@TempDir Path dir) throws Exception {
        Path appConfig = dir.resolve("App.config");
        Files.writeString(appConfig, APP_CONFIG);
        Map<String, ContextConfig> imported = AppConfigImport.read(appConfig);
        assertEquals("amsA", imported.get("a").auth().accountName());
        assertEquals("a2V5Qg==", imported.get("b").auth().accountKey(), "values are trimmed, as the sample's have spaces");
        assertEquals("storeB", imported.get("b").storage().name());

        StringWriter out = new StringWriter();
        Path file = dir.resolve("contexts.json");
        Session s = session(file, out);
        s.execute("context import " + appConfig);
        assertTrue(out.toString().contains("amsA") && out.toString().contains("amsB"), out.toString());
        assertFalse(out.toString().contains("a2V5QQ=="), "keys are not printed");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(new ContextsFile(file).warnings().isEmpty());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(new ContextsFile(file).warnings().get(0).contains("readable by others"));

        AmshException broken = assertThrows(AmshException.class, () -> AppConfigImport.read(dir.resolve("nope.config")));
        assertTrue(broken.oneLine().contains("App.config"));
    }

    @Test
    void anAzureAdContextWithASecretFromTheEnvironmentWorksOnThePair(LocalPair pair, @TempDir Path dir) throws Exception {
        Endpoints.DatacenterEndpoints b = pair.endpoints(null, null).get("b");
        StringWriter out = new StringWriter();
        Session s = session(dir.resolve("contexts.json"), out);
        s.execute("context add bad --tenant " + b.tenant() + " --client-id " + b.clientId() + " --client-secret env:AMS_B_SECRET"
                + " --token-url " + b.aadTokenUrl() + " --api-root " + b.clusterApiRoot());
        AmshException refused = assertThrows(AmshException.class, () -> s.execute("assets ls --on bad"));
        assertTrue(refused.oneLine().contains("sign-in refused") && refused.oneLine().contains("client id and client secret"),
                refused.oneLine());

        Map<String, String> env = Map.of("AMS_B_SECRET", b.clientSecret());
        Contexts contexts = new Contexts(new ContextsFile(dir.resolve("contexts.json")),
                ContextEnvironment.create(new Redactor(), t -> { }, env));
        contexts.put("aad", new ContextConfig(b.globalApiRoot(), ContextConfig.Auth.aad(b.tenant(), b.clientId(),
                "env:AMS_B_SECRET", b.aadTokenUrl()), null, null));
        assertNotNull(contexts.get("aad").ams().listAssets(dev.amsh.ams.Query.all().top(1)).toList());
        assertFalse(Files.readString(dir.resolve("contexts.json")).contains(b.clientSecret()),
                "the file keeps the env: reference, not the secret");

        AmshException unset = assertThrows(AmshException.class, () -> new Contexts(new ContextsFile(dir.resolve("contexts.json")),
                ContextEnvironment.create(new Redactor(), t -> { }, Map.of())).get("aad").ams());
        assertTrue(unset.oneLine().contains("AMS_B_SECRET, which is not set"), unset.oneLine());
    }

    @Test
    void aContextAddedOnTheLocalPairComesBackBesideAAndBAndCanBeRemoved(LocalPair pair, @TempDir Path dir) {
        ContextsFile file = new ContextsFile(dir.resolve("contexts.json"));
        ContextEnvironment env = ContextEnvironment.create(new Redactor(), t -> { }, Map.of());
        Contexts first = LocalPairConnector.contextsFor(pair.endpoints(null, null), env, file);
        Endpoints.DatacenterEndpoints b = pair.endpoints(null, null).get("b");
        first.put("c", new ContextConfig(b.globalApiRoot(), ContextConfig.Auth.acs(b.accountName(), "env:KEY", b.acsTokenUrl()),
                null, null));
        assertTrue(file.read().besideLocalPair(), "the file says its contexts came beside the pair");
        assertEquals(java.util.Set.of("c"), file.read().contexts().keySet(), "the pair's own are not written");

        Contexts next = LocalPairConnector.contextsFor(pair.endpoints(null, null), env, file);
        assertEquals(java.util.List.of("a", "b", "c"), next.names(), "the next start has a and b, and c beside them");
        AmshException own = assertThrows(AmshException.class, () -> next.remove("a"));
        assertTrue(own.oneLine().contains("local pair's own"), own.oneLine());
        next.remove("c");
        assertEquals(java.util.List.of("a", "b"), next.names());
        assertFalse(file.exists(), "its last context gone, the file goes too");
    }
}
