package dev.amsh.context;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.amsh.error.AmshException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the settings of the v3 samples into v3 contexts: Microsoft's {@code .env} ({@code AZURE_SUBSCRIPTION_ID},
 * {@code AZURE_RESOURCE_GROUP}, {@code AZURE_MEDIA_SERVICES_ACCOUNT_NAME}, {@code AZURE_TENANT_ID},
 * {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}, {@code AZURE_ARM_ENDPOINT}, {@code AZURE_ARM_TOKEN_AUDIENCE},
 * {@code AZURE_AAD_ENDPOINT}) and Ravnur's demo {@code appsettings.json} (a {@code Ravnur} section with
 * {@code ApiEndpoint} and {@code ApiKey}, an {@code AzureServicePrincipal} section with {@code AadTenantId},
 * {@code ClientId}, {@code ClientSecret}). Each context is named {@code as}, or after its account.
 */
public final class V3SettingsImport {
    static final String ARM = "https://management.azure.com/";

    private V3SettingsImport() {
    }

    /** Whether the file is one of these (rather than the v2 sample's App.config). */
    public static boolean handles(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".env") || n.equals("env") || n.endsWith(".json");
    }

    public static Map<String, ContextConfig> read(Path file, String as) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new AmshException("cannot read " + file + ": " + e.getMessage(), "check the path");
        }
        Map<String, ContextConfig> out = new LinkedHashMap<>();
        if (file.getFileName().toString().toLowerCase().endsWith(".json")) {
            JsonNode root;
            try {
                root = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                        .build().readTree(text);
            } catch (IOException e) {
                throw new AmshException("cannot read " + file + " as JSON: " + e.getMessage().lines().findFirst().orElse(""), "check the file");
            }
            for (String section : List.of("Ravnur", "AzureServicePrincipal")) {
                JsonNode n = field(root, section);
                if (n != null && !blank(n, "SubscriptionId") && !blank(n, "MediaServicesAccountName")) {
                    ContextConfig.Arm arm = new ContextConfig.Arm(value(n, "ApiEndpoint", ARM), value(n, "SubscriptionId", null),
                            value(n, "ResourceGroupName", null), value(n, "MediaServicesAccountName", null),
                            value(n, "ApiKey", null), null, value(n, "AadTenantId", null), value(n, "ClientId", null),
                            value(n, "ClientSecret", null), null, null, null, null);
                    put(out, as, file, arm);
                }
            }
        } else {
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : text.split("\\R")) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                    continue;
                }
                l = l.replaceFirst("^export\\s+", "");
                String v = l.substring(l.indexOf('=') + 1).trim().replaceFirst("\\s+#.*$", "");
                if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                env.put(l.substring(0, l.indexOf('=')).trim(), v);
            }
            if (env.get("AZURE_SUBSCRIPTION_ID") != null) {
                String endpoint = or(env.get("AZURE_ARM_ENDPOINT"), ARM);
                String aad = env.get("AZURE_AAD_ENDPOINT");
                ContextConfig.Arm arm = new ContextConfig.Arm(endpoint, env.get("AZURE_SUBSCRIPTION_ID"),
                        env.get("AZURE_RESOURCE_GROUP"), env.get("AZURE_MEDIA_SERVICES_ACCOUNT_NAME"), null, null,
                        env.get("AZURE_TENANT_ID"), env.get("AZURE_CLIENT_ID"), env.get("AZURE_CLIENT_SECRET"),
                        aad == null || aad.isBlank() ? null : aad, null, null, blankToNull(env.get("AZURE_ARM_TOKEN_AUDIENCE")));
                put(out, as, file, arm);
            }
        }
        if (out.isEmpty()) {
            throw new AmshException(file + " holds no v3 account settings",
                    "a .env with AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZURE_MEDIA_SERVICES_ACCOUNT_NAME…,"
                            + " or an appsettings.json with a Ravnur section");
        }
        return out;
    }

    private static void put(Map<String, ContextConfig> out, String as, Path file, ContextConfig.Arm arm) {
        for (String[] required : new String[][] {{arm.resourceGroup(), "resource group"}, {arm.accountName(), "account name"}}) {
            if (required[0] == null || required[0].isBlank()) {
                throw new AmshException(file + " gives no " + required[1] + " for subscription " + arm.subscriptionId(),
                        "fill it in, then import again");
            }
        }
        if (arm.apiKey() == null && (arm.clientId() == null || arm.clientSecret() == null || arm.tenant() == null)) {
            throw new AmshException(file + " gives no complete sign-in for " + arm.accountName(),
                    "fill in the api key, or the tenant, client id and client secret, then import again");
        }
        String name = as != null && out.isEmpty() ? as : arm.accountName().replaceAll("[^A-Za-z0-9_-]", "-");
        if (!name.matches("[A-Za-z].*")) {
            name = "v3-" + name;
        }
        out.put(name, ContextConfig.v3(arm, null, "imported from " + file.getFileName()));
    }

    private static JsonNode field(JsonNode n, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean blank(JsonNode n, String name) {
        JsonNode v = field(n, name);
        return v == null || v.asText("").isBlank() || v.asText("").startsWith("<");
    }

    private static String value(JsonNode n, String name, String otherwise) {
        return blank(n, name) ? otherwise : field(n, name).asText().trim();
    }

    private static String or(String v, String otherwise) {
        return v == null || v.isBlank() ? otherwise : v;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
