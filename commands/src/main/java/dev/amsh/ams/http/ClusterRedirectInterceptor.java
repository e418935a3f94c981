package dev.amsh.ams.http;

import dev.amsh.error.AmshException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Follows the service's 301 from a global API root to the account's cluster root by hand: the same
 * verb, relative path and body are re-sent to the new root (automatic redirects would turn a POST into
 * a GET and drop the body), and the new root is remembered for the context.
 */
public final class ClusterRedirectInterceptor implements Interceptor {
    private static final int MAX_HOPS = 3;
    private final ApiRoot root;

    public ClusterRedirectInterceptor(ApiRoot root) {
        this.root = root;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (root.redirected()) {
            // a request built before the move (or re-sent by an outer interceptor) goes straight to the cluster
            request = request.newBuilder().url(ApiRoot.rebase(request.url(), root.configured(), root.current()))
                    .build();
        }
        Response response = chain.proceed(request);
        for (int hop = 0; hop < MAX_HOPS && (response.code() == 301 || response.code() == 308); hop++) {
            String location = response.header("Location");
            response.close();
            if (location == null) {
                throw new AmshException("the service answered 301 without a Location", "check the API root");
            }
            HttpUrl from = rootOf(request.url());
            HttpUrl target = request.url().resolve(location);
            if (target == null) {
                throw new AmshException("the service redirected to an unusable Location", "check the API root");
            }
            HttpUrl newRoot = stripRelative(target, request.url(), from);
            if (!newRoot.encodedPath().endsWith("/")) {
                newRoot = newRoot.newBuilder().addPathSegment("").build();
            }
            newRoot = newRoot.newBuilder().query(null).build();
            root.moveTo(newRoot);
            request = request.newBuilder().url(ApiRoot.rebase(request.url(), from, newRoot)).build();
            response = chain.proceed(request);
        }
        return response;
    }

    /**
     * The service answers with the new API root; should a Location name the resource itself
     * ({@code …/api/Assets}), the request's path below the old root is cut off to find the root.
     */
    static HttpUrl stripRelative(HttpUrl location, HttpUrl requested, HttpUrl oldRoot) {
        String relative = requested.encodedPath().substring(Math.min(oldRoot.encodedPath().length(),
                requested.encodedPath().length()));
        String path = location.encodedPath();
        if (!relative.isEmpty() && path.endsWith("/" + relative)) {
            return location.newBuilder().encodedPath(path.substring(0, path.length() - relative.length())).query(null).build();
        }
        return location;
    }

    private HttpUrl rootOf(HttpUrl url) {
        HttpUrl current = root.current();
        if (url.toString().startsWith(current.toString())) {
            return current;
        }
        return root.configured();
    }
}
