package dev.amsh.datacenter.v3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amsh.arm.ArmClient;
import dev.amsh.arm.LongRunning;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.Poller;
import dev.amsh.error.AmshException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.amsh.arm.ArmAccount.STREAMING_API;

/**
 * A v3 account's streaming endpoints: the one its URLs go through ({@code default}, else the first), and start and
 * stop as long-running operations with progress. A v3 account streams only through a running endpoint.
 */
final class V3Endpoints {
    private final String context;
    private final ArmClient arm;

    V3Endpoints(String context, ArmClient arm) {
        this.context = context;
        this.arm = arm;
    }

    private String path(String item) {
        return arm.account().path(true) + "/streamingEndpoints" + (item == null ? "" : "/" + item);
    }

    List<EndpointState> all() {
        return arm.list(path(null), STREAMING_API, ArmClient.query(), null).stream().map(ArmJson::endpoint).toList();
    }

    /** {@code default}, else the first endpoint, whatever its state. */
    Optional<EndpointState> streaming() {
        List<EndpointState> all = all();
        return all.stream().filter(e -> "default".equalsIgnoreCase(e.name())).findFirst().or(() -> all.stream().findFirst());
    }

    /** The endpoint streaming URLs use, whatever its state; refused in one line when the account has none. */
    EndpointState streamingAnyState() {
        return streaming().orElseThrow(() -> new AmshException("context " + context + " has no streaming endpoint",
                "create one in the account, then retry"));
    }

    /** The endpoint streaming URLs use; refused while it is not running, with how to start it. */
    EndpointState running() {
        EndpointState ep = streamingAnyState();
        if (!ep.running()) {
            throw new AmshException("streaming endpoint " + ep.name() + " on " + context + " is " + ep.resourceState()
                    + ": its URLs serve nothing", "start it with 'endpoints start " + ep.name() + " --on " + context + "'");
        }
        return ep;
    }

    Poller<EndpointState, EndpointState> start(String endpoint) {
        return operation(endpoint, "start", "Starting", "Running");
    }

    Poller<EndpointState, EndpointState> stop(String endpoint) {
        return operation(endpoint, "stop", "Stopping", "Stopped");
    }

    /** Progress in the endpoint's own words: {@code Starting} while the operation runs, then {@code Running}. */
    private Poller<EndpointState, EndpointState> operation(String endpoint, String action, String during, String target) {
        EndpointState now = ArmJson.endpoint(arm.get(path(endpoint), STREAMING_API));
        if (target.equalsIgnoreCase(now.resourceState())) {
            return Poller.completed(now, now);
        }
        LongRunning op = arm.begin(path(endpoint) + "/" + action, STREAMING_API);
        return new Poller<>() {
            public EndpointState poll() {
                return state(op.poll());
            }

            public boolean done() {
                return op.done();
            }

            public EndpointState await(Duration max, Consumer<EndpointState> onProgress) {
                JsonNode end = op.await(max, s -> onProgress.accept(state(s)));
                return ArmJson.endpoint(end);
            }

            private EndpointState state(String status) {
                return new EndpointState(now.name(), now.hostName(), "Succeeded".equalsIgnoreCase(status) ? target : during,
                        now.scaleUnits());
            }
        };
    }
}
