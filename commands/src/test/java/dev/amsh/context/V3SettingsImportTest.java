package dev.amsh.context;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.datacenter.Kind;
import dev.amsh.error.AmshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The v3 samples' settings as v3 contexts, and a v3 context through the contexts file's JSON. */
class V3SettingsImportTest {
    @TempDir
    Path dir;

    @Test
    void microsoftsDotEnvBecomesAServicePrincipalContext() throws Exception {
        Path env = dir.resolve("sample.env");
        Files.writeString(env, """
                # Copy to .env
                AZURE_SUBSCRIPTION_ID="00000000-0000-0000-0000-000000000001"
                AZURE_RESOURCE_GROUP=amsResourceGroup
                AZURE_MEDIA_SERVICES_ACCOUNT_NAME=amsaccount
                AZURE_TENANT_ID=tenant.onmicrosoft.com
                AZURE_CLIENT_ID=1111
                AZURE_CLIENT_SECRET=s3cret-value
                AZURE_ARM_ENDPOINT=https://management.azure.com
                AZURE_ARM_TOKEN_AUDIENCE=https://management.core.windows.net
                """);
        Map<String, ContextConfig> got = V3SettingsImport.read(env, null);
        ContextConfig c = got.get("amsaccount");
        assertNotNull(c, got.keySet().toString());
        assertEquals(Kind.V3, c.kindOf());
        assertEquals(new ContextConfig.Arm("https://management.azure.com", "00000000-0000-0000-0000-000000000001",
                "amsResourceGroup", "amsaccount", null, null, "tenant.onmicrosoft.com", "1111", "s3cret-value", null, null, null,
                "https://management.core.windows.net"), c.arm());
    }

    @Test
    void ravnursAppsettingsWithCommentsBecomesAnApiKeyContext() throws Exception {
        Path json = dir.resolve("appsettings.json");
        Files.writeString(json, """
                {
                  // Is used for Microsoft.Azure.Management.Media SDK
                  "AzureServicePrincipal": { "SubscriptionId": "", "ResourceGroupName": "", "MediaServicesAccountName": "" },
                  // RMS connection settings for any SDK
                  "Ravnur": {
                    "SubscriptionId": "sub-1",
                    "ResourceGroupName": "rg",
                    "MediaServicesAccountName": "rms1",
                    "ApiEndpoint": "https://rms.example.com/",
                    "ApiKey": "k3y-k3y-k3y"
                  }
                }
                """);
        Map<String, ContextConfig> got = V3SettingsImport.read(json, "b");
        assertEquals(Set.of("b"), got.keySet());
        ContextConfig.Arm a = got.get("b").arm();
        assertEquals("https://rms.example.com/", a.endpoint());
        assertEquals("k3y-k3y-k3y", a.apiKey());
        assertEquals("api-key", a.signIn());
    }

    @Test
    void aFileWithoutV3SettingsIsOneLine() throws Exception {
        Path env = dir.resolve("x.env");
        Files.writeString(env, "OTHER=1\n");
        assertTrue(assertThrows(AmshException.class, () -> V3SettingsImport.read(env, null)).oneLine()
                .startsWith(env + " holds no v3 account settings"));
    }

    @Test
    void aV3ContextSurvivesTheContextsFileAndAV2OneKeepsItsShape() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ContextConfig v3 = ContextConfig.v3(new ContextConfig.Arm("https://h/", "s", "rg", "acct", "env:K", null, null, null,
                null, null, "/tmp/ca.pem", "http", null), null, null);
        assertEquals(v3, json.readValue(json.writeValueAsString(v3), ContextConfig.class));
        ContextConfig v2 = new ContextConfig("http://x/api/", ContextConfig.Auth.acs("n", "k", "u"), null, null);
        assertFalse(json.writeValueAsString(v2).contains("kind"), "a v2 context is written as before");
        assertEquals(Kind.V2, json.readValue("{\"apiRoot\":\"http://x/api/\"}", ContextConfig.class).kindOf());
    }
}
