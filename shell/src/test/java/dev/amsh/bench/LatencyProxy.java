package dev.amsh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A loopback TCP proxy that delays every chunk by a fixed one-way latency in each direction, without capping
 * throughput: the conditions of a client talking to storage in another region, on one machine.
 */
final class LatencyProxy implements AutoCloseable {
    private record Chunk(long due, byte[] bytes) {
    }

    private final ServerSocket server;
    private final long oneWayNanos;
    private final int targetPort;

    LatencyProxy(int targetPort, long oneWayMillis) throws IOException {
        this.targetPort = targetPort;
        this.oneWayNanos = oneWayMillis * 1_000_000;
        this.server = new ServerSocket(0, 128, InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(this::acceptLoop, "latency-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress("127.0.0.1", targetPort));
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) throws IOException {
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    queue.put(new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buf, n)));
                }
            } catch (IOException | InterruptedException ignored) {
                // connection closed
            }
            queue.add(new Chunk(0, null));
        });
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk c = queue.take();
                    if (c.bytes() == null) {
                        to.shutdownOutput();
                        return;
                    }
                    long wait = c.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // connection closed
            }
        });
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
