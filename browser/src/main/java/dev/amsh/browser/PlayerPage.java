package dev.amsh.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** Serves the player page and the players' scripts on loopback: the page the browser opens. */
public final class PlayerPage implements AutoCloseable {
    private final HttpServer server;

    public PlayerPage(PlayerScripts scripts, int port) throws IOException {
        byte[] page;
        try (InputStream in = PlayerPage.class.getResourceAsStream("player.html")) {
            page = in.readAllBytes();
        }
        Map<String, byte[]> files = Map.of(
                "/player.html", page,
                "/hls.min.js", Files.readAllBytes(scripts.hlsJs()),
                "/dash.all.min.js", Files.readAllBytes(scripts.dashJs()),
                "/dash.mss.min.js", Files.readAllBytes(scripts.dashMssJs()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", ex -> serve(ex, files));
        server.start();
    }

    /** The page that plays {@code manifestUrl} with the player for {@code format}. */
    public String urlFor(String manifestUrl, PlayerFormat format) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/player.html?format=" + format.pageName()
                + "&src=" + URLEncoder.encode(manifestUrl, StandardCharsets.UTF_8);
    }

    /** As {@link #urlFor}, for a drill: a short buffer, so segments are fetched all along, and the clip looped. */
    public String drillUrlFor(String manifestUrl, PlayerFormat format) {
        return urlFor(manifestUrl, format) + "&drill=1";
    }

    private static void serve(HttpExchange ex, Map<String, byte[]> files) throws IOException {
        byte[] body = files.get(ex.getRequestURI().getPath());
        if (body == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        String path = ex.getRequestURI().getPath();
        ex.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
