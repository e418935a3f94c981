package dev.amsh.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Every HTTP listener of the pair. The JDK's server leaves Nagle's algorithm on unless a system property says
 * otherwise before its first use: a client that writes a request in two parts on a kept-alive connection (Node's
 * http, many SDKs) then waits for the delayed ACK, about 40 ms a call. The property is set here, once, before
 * the first listener is made.
 */
public final class HttpServers {
    static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private HttpServers() {
    }

    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        return HttpServer.create(address, backlog);
    }

    /** An HTTPS listener (the v3 datacenter's ARM surface); the caller sets its configurator. */
    public static HttpsServer createHttps(InetSocketAddress address, int backlog) throws IOException {
        return HttpsServer.create(address, backlog);
    }
}
