package dev.amsh.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.arm.ArmSpec;
import dev.amsh.emulator.common.OwnerOnlyFiles;
import dev.amsh.emulator.storage.StorageAccountSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The pair's credentials and ports, made on first start and kept owner-only in {@code identity.json}: per
 * datacenter its v2 account, service principal and storage account, and (the first time it runs as v3) its ARM
 * identity under {@code v3}; the ports last used, so a restart keeps its URLs when they are free.
 */
final class PairIdentity {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ObjectNode root;
    private final SecureRandom random = new SecureRandom();

    private PairIdentity(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    static PairIdentity loadOrCreate(Path file, List<String> names) throws IOException {
        if (Files.isRegularFile(file)) {
            return new PairIdentity(file, (ObjectNode) JSON.readTree(file.toFile()));
        }
        PairIdentity id = new PairIdentity(file, JSON.createObjectNode());
        for (String n : names) {
            id.root.putObject(n)
                    .put("accountName", "amshlocal" + n)
                    .put("accountKey", id.key(32))
                    .put("tenant", "amshlocal" + n + ".onmicrosoft.com")
                    .put("clientId", UUID.randomUUID().toString())
                    .put("clientSecret", id.key(24))
                    .put("storageAccount", "amshstore" + n)
                    .put("storageKey", id.key(64));
        }
        return id;
    }

    /** The whole identity: pair-wide ports at the top, one object per datacenter. */
    ObjectNode root() {
        return root;
    }

    ObjectNode datacenter(String name) {
        return (ObjectNode) root.get(name);
    }

    StorageAccountSpec storage(String name) {
        ObjectNode dc = datacenter(name);
        return new StorageAccountSpec(dc.get("storageAccount").asText(), dc.get("storageKey").asText());
    }

    DatacenterSpec v2(String name) {
        ObjectNode dc = datacenter(name);
        StorageAccountSpec s = storage(name);
        return new DatacenterSpec(name, dc.get("accountName").asText(), dc.get("accountKey").asText(),
                dc.get("tenant").asText(), dc.get("clientId").asText(), dc.get("clientSecret").asText(), s.name(), s.key());
    }

    /** The datacenter's ARM identity ({@code v3}), made the first time it runs as v3; its ports go there too. */
    ObjectNode v3Node(String name) {
        ObjectNode dc = datacenter(name);
        if (!dc.has("v3")) {
            dc.putObject("v3").put("subscriptionId", UUID.randomUUID().toString()).put("resourceGroup", "amshlocal")
                    .put("accountName", "amshlocal" + name).put("apiKey", key(32)).put("tokenKey", key(32));
        }
        return (ObjectNode) dc.get("v3");
    }

    ArmSpec v3(String name) {
        ObjectNode dc = datacenter(name);
        ObjectNode v3 = v3Node(name);
        StorageAccountSpec s = storage(name);
        return new ArmSpec(name, v3.get("subscriptionId").asText(), v3.get("resourceGroup").asText(),
                v3.get("accountName").asText(), v3.get("apiKey").asText(), dc.get("tenant").asText(),
                dc.get("clientId").asText(), dc.get("clientSecret").asText(), v3.get("tokenKey").asText(), s.name(), s.key());
    }

    void save() throws IOException {
        OwnerOnlyFiles.write(file, JSON.writeValueAsBytes(root));
    }

    private String key(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
