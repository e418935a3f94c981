package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.emulator.storage.StorageGateway;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every v3 resource handler shares: the account's identity, its resources, its storage, the clock and ids,
 * where its streaming endpoint listens, and how long an endpoint takes to start or stop.
 */
record ArmContext(ArmSpec spec, ArmStore store, StorageGateway storage, Clock clock, Supplier<UUID> ids,
                  Supplier<String> streamingHost, Duration transition) {
    static final String PROVIDER = "Microsoft.Media/mediaservices";

    /** The account's resource id as ARM writes it in answers ({@code mediaservices}, lower case). */
    String accountId() {
        return "/subscriptions/" + spec.subscriptionId() + "/resourceGroups/" + spec.resourceGroup()
                + "/providers/Microsoft.Media/mediaservices/" + spec.accountName();
    }

    /** A new ProxyResource: id, name, type, empty properties, and systemData saying who made it and when. */
    ObjectNode resource(String collection, String name, String type) {
        String now = ArmJson.time(clock.instant());
        ObjectNode n = ArmJson.object().put("name", name).put("id", accountId() + "/" + collection + "/" + name)
                .put("type", PROVIDER + "/" + type);
        n.putObject("properties");
        n.putObject("systemData").put("createdBy", spec.clientId()).put("createdByType", "Application")
                .put("createdAt", now).put("lastModifiedBy", spec.clientId()).put("lastModifiedByType", "Application")
                .put("lastModifiedAt", now);
        return n;
    }

    /** Marks a resource modified now (systemData and properties.lastModified when it has one). */
    void modified(ObjectNode resource) {
        String now = ArmJson.time(clock.instant());
        ((ObjectNode) resource.get("systemData")).put("lastModifiedAt", now);
        ObjectNode p = (ObjectNode) resource.get("properties");
        if (p.has("lastModified")) {
            p.put("lastModified", now);
        }
    }

    static String requireName(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 260 || !name.matches("[A-Za-z0-9_.\\-~ ]+")) {
            throw ArmError.badRequest("The " + what + " name '" + name + "' is not valid: use letters, digits, "
                    + "'-', '_', '.', '~' or spaces, at most 260 characters.");
        }
        return name;
    }
}
