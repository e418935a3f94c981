package dev.amsh.ams.http;

import okhttp3.HttpUrl;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The API root of one context. Starts at the configured (often global) root and moves to the cluster
 * root the first time the service answers 301, so later calls go straight there.
 */
public final class ApiRoot {
    private final HttpUrl configured;
    private final AtomicReference<HttpUrl> current;

    public ApiRoot(String root) {
        HttpUrl url = HttpUrl.get(root.endsWith("/") ? root : root + "/");
        this.configured = url;
        this.current = new AtomicReference<>(url);
    }

    public HttpUrl current() {
        return current.get();
    }

    public HttpUrl configured() {
        return configured;
    }

    public boolean redirected() {
        return !configured.equals(current.get());
    }

    void moveTo(HttpUrl clusterRoot) {
        current.set(clusterRoot);
    }

    /** Re-bases a URL under {@code from} onto {@code to}, keeping the relative path and query. */
    static HttpUrl rebase(HttpUrl url, HttpUrl from, HttpUrl to) {
        String s = url.toString();
        String f = from.toString();
        if (s.startsWith(f)) {
            return HttpUrl.get(to + s.substring(f.length()));
        }
        return url;
    }
}
