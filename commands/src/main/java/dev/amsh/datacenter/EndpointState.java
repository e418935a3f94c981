package dev.amsh.datacenter;

/** A streaming endpoint: its name, host, state as the service prints it ({@code Running}, {@code Stopped}…), scale units. */
public record EndpointState(String name, String hostName, String resourceState, int scaleUnits) {
    public boolean running() {
        return "Running".equalsIgnoreCase(resourceState);
    }
}
