package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code …/streamingEndpoints}: the one {@code default} endpoint, whose {@code hostName} is this datacenter's
 * origin (host:port). start, stop and scale are long-running: a 202 with {@code Azure-AsyncOperation}
 * ({@code …/streamingEndpointOperations/{op}}: InProgress, then Succeeded), {@code Location}
 * ({@code …/streamingEndpoints/{ep}/operationLocations/{op}}: 202, then 200 with the endpoint) and
 * {@code Retry-After: 1}; meanwhile {@code resourceState} is Starting, Stopping or Scaling. States move when
 * read, by the clock, so a restart in the middle finishes the operation. A new account's endpoint starts
 * Running in the local pair, so the pair streams at once (a real new account's is Stopped).
 */
final class EndpointsResource {
    static final String SET = "streamingEndpoints";
    static final String OPERATIONS = "streamingEndpointOperations";
    static final String DEFAULT = "default";
    static final Set<String> FIELDS = Set.of("name", "properties/created");

    private final ArmContext c;

    EndpointsResource(ArmContext c) {
        this.c = c;
    }

    /** Makes the default endpoint on first start; afterwards keeps its state and follows the origin's port. */
    void seed() {
        synchronized (c.store().lock()) {
            ObjectNode ep = c.store().get(SET, DEFAULT).orElse(null);
            if (ep == null) {
                ep = c.resource("streamingendpoints", DEFAULT, "streamingEndpoints");
                String now = ArmJson.time(c.clock().instant());
                ep.put("location", "West US").putObject("tags");
                ep.putObject("sku").put("name", "Standard").put("capacity", 600);
                ((ObjectNode) ep.get("properties")).put("description", "the local pair's streaming endpoint")
                        .put("scaleUnits", 0).put("hostName", c.streamingHost().get()).put("cdnEnabled", false)
                        .put("provisioningState", "Succeeded").put("resourceState", "Running")
                        .put("created", now).put("lastModified", now).putArray("customHostNames");
                c.store().put(SET, DEFAULT, ep);
            } else {
                ((ObjectNode) ep.get("properties")).put("hostName", c.streamingHost().get());
                c.store().touched();
            }
        }
    }

    ArmReply handle(ArmRequest r) {
        String name = r.segment(1);
        String action = r.segment(2);
        settle();
        if (name == null) {
            AssetsResource.requireMethod(r, "GET");
            return ArmReply.of(200, ArmListing.page(r, c.store().all(SET).stream().map(ArmStore::wire).toList(), FIELDS));
        }
        ObjectNode ep = c.store().get(SET, ArmStore.key(name)).orElseThrow(ArmError::notFound);
        if (action == null) {
            return switch (r.method()) {
                case "GET" -> ArmReply.of(200, ArmStore.wire(ep));
                case "PUT", "PATCH", "DELETE" -> throw ArmError.badRequest("The local pair has one streaming endpoint, '"
                        + DEFAULT + "': it can be started, stopped and scaled, not created, changed or deleted.");
                default -> throw ArmError.methodNotAllowed(r.method());
            };
        }
        if (action.equalsIgnoreCase("operationLocations") && r.segment(3) != null) {
            AssetsResource.requireMethod(r, "GET");
            ObjectNode op = operation(r.segment(3));
            if (op.path("status").asText().equals("InProgress")) {
                return new ArmReply(202, null, Map.of("Retry-After", "1"));
            }
            return ArmReply.of(200, ArmStore.wire(ep));
        }
        AssetsResource.requireMethod(r, "POST");
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "start" -> begin(r, ep, "Starting", "Running", null);
            case "stop" -> begin(r, ep, "Stopping", "Stopped", null);
            case "scale" -> {
                JsonNode units = r.body().get("scaleUnit");
                if (units == null || !units.canConvertToInt() || units.asInt() < 0 || units.asInt() > 10) {
                    throw ArmError.badRequest("scaleUnit must be a number from 0 to 10.");
                }
                yield begin(r, ep, "Scaling", null, units.asInt());
            }
            case "skus" -> throw ArmError.methodNotAllowed(r.method());
            default -> throw ArmError.noRoute(r.ex().getRequestURI().getPath());
        };
    }

    /** {@code GET …/streamingEndpointOperations/{op}}: the operation's status. */
    ArmReply operationStatus(ArmRequest r) {
        AssetsResource.requireMethod(r, "GET");
        settle();
        ObjectNode op = operation(r.segment(1) == null ? "" : r.segment(1));
        return ArmReply.of(200, ArmStore.wire(op));
    }

    private ObjectNode operation(String id) {
        return c.store().get(OPERATIONS, ArmStore.key(id)).orElseThrow(ArmError::notFound);
    }

    private ArmReply begin(ArmRequest r, ObjectNode ep, String during, String after, Integer scaleUnits) {
        synchronized (c.store().lock()) {
            ObjectNode p = (ObjectNode) ep.get("properties");
            String state = p.path("resourceState").asText();
            if (ep.has("_op")) {
                throw ArmError.conflict("The streaming endpoint '" + ep.path("name").asText() + "' is " + state
                        + "; wait for that operation to end.");
            }
            String target = after != null ? after : state;
            String opId = c.ids().get().toString();
            Instant now = c.clock().instant();
            ObjectNode op = ArmJson.object().put("name", opId).put("status", "InProgress")
                    .put("startTime", ArmJson.time(now)).put("_endpoint", ArmStore.key(ep.path("name").asText()));
            c.store().put(OPERATIONS, ArmStore.key(opId), op);
            ep.put("_op", opId).put("_target", target).put("_doneAt", now.plus(c.transition()).toEpochMilli());
            if (scaleUnits != null) {
                p.put("scaleUnits", scaleUnits);
                ((ObjectNode) ep.get("sku")).put("capacity", Math.max(1, scaleUnits) * 200);
            }
            p.put("resourceState", during).put("provisioningState", "InProgress");
            c.modified(ep);
            c.store().touched();
            String epName = ep.path("name").asText();
            return ArmReply.accepted(r.accountUrl("streamingEndpointOperations/" + opId),
                    r.accountUrl("streamingEndpoints/" + epName + "/operationLocations/" + opId));
        }
    }

    /** Ends the operations whose time has come. */
    void settle() {
        synchronized (c.store().lock()) {
            long now = c.clock().millis();
            for (ObjectNode ep : c.store().all(SET)) {
                if (ep.has("_op") && ep.path("_doneAt").asLong() <= now) {
                    ((ObjectNode) ep.get("properties")).put("resourceState", ep.path("_target").asText())
                            .put("provisioningState", "Succeeded");
                    c.store().get(OPERATIONS, ArmStore.key(ep.path("_op").asText())).ifPresent(op -> op
                            .put("status", "Succeeded").put("endTime", ArmJson.time(c.clock().instant())));
                    ep.remove("_op");
                    ep.remove("_target");
                    ep.remove("_doneAt");
                    c.modified(ep);
                    c.store().touched();
                }
            }
        }
    }

    /** Why the origin serves nothing: the default endpoint is not Running (a running endpoint keeps serving while it scales). */
    Optional<String> notServing() {
        settle();
        ObjectNode ep = c.store().get(SET, DEFAULT).orElse(null);
        String state = ep == null ? "Stopped" : ep.path("properties").path("resourceState").asText();
        if (state.equals("Running") || state.equals("Scaling") && ep.path("_target").asText().equals("Running")) {
            return Optional.empty();
        }
        return Optional.of("the streaming endpoint '" + DEFAULT + "' is " + state
                + ": nothing is served until it is started (POST …/streamingEndpoints/" + DEFAULT + "/start)");
    }
}
