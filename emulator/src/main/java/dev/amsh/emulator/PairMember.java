package dev.amsh.emulator;

import java.io.IOException;

/**
 * One datacenter of the local pair, whatever API it speaks: what the pair, its control endpoint and the front
 * need to start it, take it down for an outage, and reach its origin.
 */
public interface PairMember extends AutoCloseable {
    String name();

    DatacenterKind kind();

    void start() throws IOException;

    /** Takes the API and the origin down (ports are kept for the next start). */
    void stop();

    boolean running();

    String originUrl();

    @Override
    void close();
}
