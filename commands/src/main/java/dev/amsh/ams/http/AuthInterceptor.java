package dev.amsh.ams.http;

import dev.amsh.ams.auth.TokenProvider;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/** Adds the bearer token; on a 401 refreshes the token once and retries the same request. */
public final class AuthInterceptor implements Interceptor {
    private final TokenProvider tokens;

    public AuthInterceptor(TokenProvider tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(withToken(request));
        if (response.code() == 401) {
            response.close();
            tokens.invalidate();
            response = chain.proceed(withToken(request));
        }
        return response;
    }

    private Request withToken(Request request) {
        return request.newBuilder().header("Authorization", "Bearer " + tokens.token().value()).build();
    }
}
