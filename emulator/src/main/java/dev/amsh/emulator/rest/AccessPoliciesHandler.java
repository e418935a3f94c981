package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** AccessPolicies: a duration (required: the service answered 500 without it) and permission flags. */
final class AccessPoliciesHandler implements EntitySetHandler {
    private final ApiContext c;

    AccessPoliciesHandler(ApiContext c) {
        this.c = c;
    }

    @Override
    public String set() {
        return "AccessPolicies";
    }

    @Override
    public ObjectNode create(JsonNode body) {
        if (!body.hasNonNull("DurationInMinutes")) {
            throw ServiceErrors.internal("An error has occurred: DurationInMinutes is required");
        }
        double minutes;
        try {
            minutes = Double.parseDouble(body.get("DurationInMinutes").asText());
        } catch (NumberFormatException e) {
            throw ServiceErrors.badRequest("DurationInMinutes must be a number");
        }
        String now = c.now();
        ObjectNode policy = ODataWriter.JSON.createObjectNode().put("Id", "nb:pid:UUID:" + c.ids().get())
                .put("Created", now).put("LastModified", now).put("Name", Fields.text(body, "Name"))
                .put("DurationInMinutes", minutes).put("Permissions", Fields.intField(body, "Permissions", 0));
        c.store().put("AccessPolicies", policy);
        return policy;
    }

    @Override
    public void merge(ObjectNode entity, JsonNode body) {
        if (body.has("Name")) {
            entity.set("Name", body.get("Name"));
        }
    }

    @Override
    public void delete(ObjectNode entity) {
        c.store().remove("AccessPolicies", entity.get("Id").asText());
    }
}
