package dev.amsh.shell;

import dev.amsh.context.ContextConfig;
import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.app.Commands;
import dev.amsh.shell.commands.ContextCommands;
import dev.amsh.shell.script.ScriptHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code context add --kind v3}: what it saves, how ls and show say it, and each bad input refused in one line. */
class V3ContextsTest {
    static final String GOOD = "context add b --kind v3 --arm-endpoint https://rms.example.com/ --subscription s1"
            + " --resource-group rg --account acct";

    @TempDir
    Path dir;
    Session s;
    Path file;

    @BeforeEach
    void session() {
        Redactor redactor = new Redactor();
        StringWriter out = new StringWriter();
        s = new Session(redactor, Console.plain(new PrintWriter(out, true), new PrintWriter(out, true)),
                Commands.registry(dir), Clock.systemUTC(), ScriptHost::new);
        file = dir.resolve("contexts.json");
        s.setContexts(new Contexts(new ContextsFile(file), ContextEnvironment.create(redactor, s.traceSink(), Map.of())));
    }

    String refused(String line) {
        AmshException e = assertThrows(AmshException.class, () -> s.execute(line));
        assertFalse(Files.exists(file) && s.contexts().names().contains("b"), "nothing saved for: " + line);
        return e.oneLine();
    }

    @Test
    void anApiKeyContextIsSavedAndListedAsV3WithItsSecretMasked() throws Exception {
        s.execute(GOOD + " --api-key k3y-inline-secret");
        ContextConfig c = s.contexts().configs().get("b");
        assertEquals("v3", c.kind());
        assertEquals("acct", c.arm().accountName());
        assertTrue(Files.readString(file).contains("\"kind\" : \"v3\"") || Files.readString(file).contains("\"kind\":\"v3\""));
        @SuppressWarnings("unchecked")
        List<ContextCommands.ContextRow> rows = (List<ContextCommands.ContextRow>) s.execute("context ls");
        ContextCommands.ContextRow row = rows.stream().filter(r -> r.name().equals("b")).findFirst().orElseThrow();
        assertEquals("v3", row.kind());
        assertEquals("api-key", row.auth());
        assertEquals("https://rms.example.com/", row.apiRoot());
        ContextCommands.ContextDetails d = (ContextCommands.ContextDetails) s.execute("context show b");
        assertEquals("(set inline)", d.secret());
        assertEquals("https://rms.example.com/auth/token", d.tokenUrl());
        assertEquals("v3", d.kind());
        assertEquals("s1", d.subscription());
        assertEquals("(none: copies go through listContainerSas)", d.storageKey());
    }

    @Test
    void aServicePrincipalContextTakesTheAuthority() throws Exception {
        s.execute(GOOD + " --tenant t1 --client-id c1 --client-secret env:SECRET --authority https://login.example.com");
        ContextCommands.ContextDetails d = (ContextCommands.ContextDetails) s.execute("context show b");
        assertEquals("service-principal", d.auth());
        assertEquals("https://login.example.com/t1/oauth2/v2.0/token", d.tokenUrl());
        assertEquals("env:SECRET", d.secret());
    }

    @Test
    void badInputIsOneLineAndSavesNothing() {
        assertEquals("context b: ARM endpoint http://rms.example.com/ is http; ARM needs https (a bearer token never goes over"
                + " http: give the https:// endpoint (and --ca-file PEM for a private CA))",
                refused(GOOD.replace("https://rms", "http://rms") + " --api-key env:K"));
        assertEquals("context b: ARM endpoint 'notaurl' is not a URL (give --arm-endpoint https://HOST[:PORT]/)",
                refused(GOOD.replace("https://rms.example.com/", "notaurl") + " --api-key env:K"));
        assertEquals("--api-key *** is the mask amsh prints for a secret, not the secret (give the value itself, or env:VAR)",
                refused(GOOD + " --api-key ***"));
        assertTrue(refused(GOOD + " --tenant t --client-id c --client-secret ***").startsWith("'--client-secret' holds the mask"),
                "the v2 rule for the mask holds on v3 too");
        assertEquals("give one sign-in: --api-key, or --tenant --client-id --client-secret, not both (Ravnur signs in with an"
                + " api key; Azure with a service principal)", refused(GOOD + " --api-key env:K --client-id c"));
        assertEquals("a v3 context needs a sign-in (give --api-key env:VAR, or --tenant --client-id --client-secret)", refused(GOOD));
        assertEquals("--authority 'login' is not an http or https URL (give a full URL, such as https://media.windows.net/api/)",
                refused(GOOD + " --tenant t --client-id c --client-secret env:S --authority login"));
        assertTrue(refused(GOOD + " --api-key env:K --ca-file " + dir.resolve("none.pem")).startsWith("CA file "));
        assertEquals("--arm-endpoint is a v3 setting (add --kind v3, or leave --arm-endpoint out for a v2 context)",
                refused("context add b --arm-endpoint https://x/ --account-name n --account-key k"));
        assertTrue(refused(GOOD + " --api-key env:K --account-key k").startsWith("--account-key is a v2 (ACS) setting"));
        assertEquals("unknown context kind 'v4' (use --kind v2 or --kind v3)", refused("context add b --kind v4"));
    }

    @Test
    void importReadsADotEnv() throws Exception {
        Path env = dir.resolve("ms.env");
        Files.writeString(env, "AZURE_SUBSCRIPTION_ID=s\nAZURE_RESOURCE_GROUP=rg\nAZURE_MEDIA_SERVICES_ACCOUNT_NAME=acct\n"
                + "AZURE_TENANT_ID=t\nAZURE_CLIENT_ID=c\nAZURE_CLIENT_SECRET=very-secret\n");
        s.execute("context import " + env + " --as c");
        assertEquals("https://management.azure.com/", s.contexts().configs().get("c").arm().endpoint());
        assertEquals("(set inline)", ((ContextCommands.ContextDetails) s.execute("context show c")).secret());
    }
}
