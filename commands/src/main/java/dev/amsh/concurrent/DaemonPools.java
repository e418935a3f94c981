package dev.amsh.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Worker pools whose threads never keep the JVM alive: a shell that exits mid-copy must not hang on them. */
public final class DaemonPools {
    private DaemonPools() {
    }

    /** A fixed pool of at least one thread, each named {@code name}. */
    public static ExecutorService fixed(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
