package dev.amsh.emulator.common;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.amsh.emulator.HttpServers;
import dev.amsh.emulator.faults.FaultInjector;
import dev.amsh.emulator.faults.FaultyHandler;
import dev.amsh.emulator.faults.Surface;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The two listeners of a datacenter, whatever API it speaks: its API and its origin, each behind the fault injector
 * (the {@code api} and {@code origin} surfaces), served by one pool. Both go down together for an outage and come
 * back on the same ports, so every URL handed out before the outage works again after it.
 */
public final class DatacenterListeners {
    public static final String HOST = "127.0.0.1";
    /** How long a hung exchange is held before its connection is dropped: far past any client's per-try timeout. */
    public static final long HANG_MILLIS = 60_000;

    private final String name;
    private final String threadName;
    private final FaultInjector faults;
    private final ScheduledExecutorService timer;
    private int apiPort;
    private int originPort;
    private HttpServer apiServer;
    private HttpServer originServer;
    private ExecutorService executor;

    /** Port 0 picks a free port at the first start; it is kept for the next. */
    public DatacenterListeners(String name, String threadName, int apiPort, int originPort, FaultInjector faults,
                               ScheduledExecutorService timer) {
        this.name = name;
        this.threadName = threadName;
        this.apiPort = apiPort;
        this.originPort = originPort;
        this.faults = faults;
        this.timer = timer;
    }

    /**
     * Opens the origin, then the API (over HTTPS when {@code apiTls} is given): the origin first, since a v3
     * endpoint's {@code hostName} is the origin's port. False when both were up already.
     */
    public synchronized boolean start(HttpHandler api, HttpHandler origin, SSLContext apiTls) throws IOException {
        if (apiServer != null) {
            return false;
        }
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            InetAddress loopback = InetAddress.getByName(HOST);
            originServer = listen(HttpServers.create(new InetSocketAddress(loopback, originPort), 128), Surface.ORIGIN, origin);
            originPort = originServer.getAddress().getPort();
            HttpServer apiListener;
            if (apiTls != null) {
                HttpsServer https = HttpServers.createHttps(new InetSocketAddress(loopback, apiPort), 128);
                https.setHttpsConfigurator(new HttpsConfigurator(apiTls));
                apiListener = https;
            } else {
                apiListener = HttpServers.create(new InetSocketAddress(loopback, apiPort), 128);
            }
            apiServer = listen(apiListener, Surface.API, api);
            apiPort = apiServer.getAddress().getPort();
            return true;
        } catch (IOException e) {
            // a port taken: nothing is left listening, so the datacenter is down, not half up
            if (originServer != null) {
                originServer.stop(0);
                originServer = null;
            }
            executor.shutdownNow();
            throw e;
        }
    }

    private HttpServer listen(HttpServer server, Surface surface, HttpHandler handler) {
        server.createContext("/", new FaultyHandler(name, surface, faults, handler, timer, HANG_MILLIS));
        server.setExecutor(executor);
        server.start();
        return server;
    }

    /** Takes both down; the ports are kept for the next start. */
    public synchronized void stop() {
        if (apiServer != null) {
            apiServer.stop(0);
            originServer.stop(0);
            executor.shutdownNow();
            apiServer = null;
            originServer = null;
        }
    }

    public synchronized boolean running() {
        return apiServer != null;
    }

    public int apiPort() {
        return apiPort;
    }

    public int originPort() {
        return originPort;
    }
}
