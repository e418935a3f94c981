package dev.amsh.emulator.common;

import com.sun.net.httpserver.HttpHandler;
import dev.amsh.emulator.faults.FaultInjector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.*;

/** The API and origin listeners every datacenter kind starts and stops the same way: together, on kept ports. */
class DatacenterListenersTest {
    final HttpClient http = HttpClient.newHttpClient();

    static HttpHandler answering(String text) {
        return ex -> {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        };
    }

    String get(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void bothGoDownTogetherAndComeBackOnTheSamePorts() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        DatacenterListeners l = new DatacenterListeners("a", "test-a", 0, 0, new FaultInjector(), timer);
        try {
            assertFalse(l.running());
            assertTrue(l.start(answering("api"), answering("origin"), null));
            int api = l.apiPort();
            int origin = l.originPort();
            assertTrue(api > 0 && origin > 0 && api != origin, api + " " + origin);
            assertEquals("api", get(api));
            assertEquals("origin", get(origin));
            assertFalse(l.start(answering("again"), answering("again"), null), "a second start is a no-op");
            assertEquals("api", get(api));

            l.stop();
            assertFalse(l.running());
            assertThrows(ConnectException.class, () -> get(api), "the API is down");
            assertThrows(ConnectException.class, () -> get(origin), "and the origin with it");
            l.stop(); // stopping what is down is fine

            assertTrue(l.start(answering("api 2"), answering("origin 2"), null));
            assertEquals(api, l.apiPort(), "the ports are kept, so URLs handed out before still work");
            assertEquals(origin, l.originPort());
            assertEquals("api 2", get(api));
            assertEquals("origin 2", get(origin));
        } finally {
            l.stop();
            timer.shutdownNow();
        }
    }

    @Test
    void aTakenPortIsAnErrorAndLeavesNothingListening() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        DatacenterListeners first = new DatacenterListeners("a", "test-a", 0, 0, new FaultInjector(), timer);
        try {
            first.start(answering("api"), answering("origin"), null);
            DatacenterListeners originClash = new DatacenterListeners("b", "test-b", 0, first.originPort(), new FaultInjector(), timer);
            assertThrows(IOException.class, () -> originClash.start(answering("x"), answering("x"), null));
            assertFalse(originClash.running());

            int freeOrigin;
            try (ServerSocket probe = new ServerSocket(0)) {
                freeOrigin = probe.getLocalPort();
            }
            DatacenterListeners apiClash = new DatacenterListeners("c", "test-c", first.apiPort(), freeOrigin, new FaultInjector(), timer);
            assertThrows(IOException.class, () -> apiClash.start(answering("x"), answering("c origin"), null));
            assertFalse(apiClash.running());
            assertThrows(ConnectException.class, () -> get(freeOrigin), "the origin opened first is closed again");
            assertEquals("api", get(first.apiPort()), "the one holding the port is untouched");
        } finally {
            first.stop();
            timer.shutdownNow();
        }
    }
}
