package dev.amsh.ams.http;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;

/**
 * Hedges the reads of a client the caller does not drive itself (the storage SDK's): a GET or HEAD is sent
 * through {@code inner} (the same client without this interceptor) with {@link Hedge}; anything else goes on.
 * It must be the last application interceptor, since a hedged read leaves the rest of this chain unused.
 */
public final class HedgingInterceptor implements Interceptor {
    private final OkHttpClient inner;
    private final Hedge hedge;

    public HedgingInterceptor(OkHttpClient inner, Duration after) {
        this.inner = inner;
        this.hedge = new Hedge(after);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return Hedge.applies(chain.request()) ? hedge.execute(inner, chain.request()) : chain.proceed(chain.request());
    }
}
