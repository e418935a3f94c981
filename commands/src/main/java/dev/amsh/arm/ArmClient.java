package dev.amsh.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.ams.http.RetryInterceptor;
import dev.amsh.ams.http.RetryPolicy;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.AmshException;
import dev.amsh.paging.Page;
import dev.amsh.paging.Paged;
import dev.amsh.redact.Redactor;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Media Services v3 (Azure Resource Manager) client of one account: JSON over HTTPS, built by {@link
 * ArmClientBuilder} on the same interceptors as the v2 client (retry rule, gate, per-try timeout, bearer with
 * one renewal on 401, trace). Every error is one line naming the context, with the ARM error's code and message.
 */
public final class ArmClient {
    static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final ArmAccount account;
    private final Redactor redactor;
    private final String context;
    private final RetryPolicy.Sleeper sleeper;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** One answer: its status, its body (an empty object when there is none) and its headers. */
    public record Answer(int status, JsonNode body, Headers headers) {
    }

    ArmClient(OkHttpClient http, ArmAccount account, Redactor redactor, String context, RetryPolicy.Sleeper sleeper,
              Clock clock) {
        this.http = http;
        this.account = account;
        this.redactor = redactor;
        this.context = context;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public ArmAccount account() {
        return account;
    }

    public String context() {
        return context;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The resource at {@code path} (under the endpoint), or empty on 404. */
    public Optional<JsonNode> find(String path, String api) {
        try {
            return Optional.of(get(path, api));
        } catch (AmsServiceException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public JsonNode get(String path, String api) {
        return execute(new Request.Builder().url(url(path, api)).get().build()).body();
    }

    /**
     * A PUT. {@code createsOnce} marks a create that the service answers 201 once and 409 after (streaming
     * locators, jobs): the retry layer then never repeats it after a lost answer; the caller looks it up.
     */
    public Answer put(String path, String api, JsonNode body, boolean createsOnce) {
        Request.Builder b = new Request.Builder().url(url(path, api)).put(RequestBody.create(body.toString(), JSON));
        if (createsOnce) {
            b.tag(RetryInterceptor.CreatesOnce.class, RetryInterceptor.CreatesOnce.YES);
        }
        return execute(b.build());
    }

    /** A POST action that changes nothing (listContainerSas, listPaths, listStreamingLocators): safe to repeat. */
    public JsonNode action(String path, String api, JsonNode body) {
        return execute(new Request.Builder().url(url(path, api)).post(RequestBody.create(body == null ? "" : body.toString(), JSON))
                .tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES).build()).body();
    }

    public void delete(String path, String api) {
        execute(new Request.Builder().url(url(path, api)).delete().build());
    }

    /**
     * A list, page by page: the first with {@code query} ($filter, $top as page size, $orderby), every next one by
     * its {@code @odata.nextLink}, verbatim (a relative link is taken against the endpoint), until a page has none.
     */
    public Paged<JsonNode> list(String path, String api, Map<String, String> query, Integer limit) {
        return Paged.continuation(next -> {
            HttpUrl u;
            if (next == null) {
                HttpUrl.Builder b = url(path, api).newBuilder();
                query.forEach((k, v) -> {
                    if (v != null && !v.isBlank()) {
                        b.addQueryParameter(k, v);
                    }
                });
                u = b.build();
            } else {
                u = HttpUrl.get(account.base() + "/").resolve(next);
                if (u == null) {
                    throw new AmshException("context " + context + ": the service gave a next page link that is no URL",
                            "report it; the first pages were read");
                }
            }
            JsonNode body = execute(new Request.Builder().url(u).get().build()).body();
            List<JsonNode> items = new ArrayList<>();
            body.path("value").forEach(items::add);
            String link = body.path("@odata.nextLink").asText(null);
            return new Page<>(items, link == null || link.isBlank() ? null : link);
        }, limit);
    }

    /** Starts a long-running action (a streaming endpoint's start or stop) and gives its poller. */
    public LongRunning begin(String path, String api) {
        Answer first = execute(new Request.Builder().url(url(path, api)).post(RequestBody.create("", JSON)).build());
        return new LongRunning(this, first, path, api, sleeper, clock);
    }

    /** A GET of an absolute URL the service named (an operation's status), with its answer. */
    Answer getAbsolute(String absolute) {
        return execute(new Request.Builder().url(absolute).get().build());
    }

    public static Map<String, String> query(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private HttpUrl url(String path, String api) {
        return HttpUrl.get(account.base() + path).newBuilder().addQueryParameter("api-version", api).build();
    }

    private Answer execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw error(request, response.code(), text);
            }
            JsonNode body = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            return new Answer(response.code(), body, response.headers());
        } catch (JsonProcessingException e) {
            throw new AmshException("context " + context + ": " + request.method() + " " + describe(request)
                    + " answered with a body that is not JSON", "is " + account.base() + " a Media Services v3 endpoint?", e);
        } catch (SSLException e) {
            throw tlsFailure(context, request.url().toString(), e);
        } catch (InterruptedIOException e) {
            throw new AmsTransportException("context " + context + ": " + request.method() + " " + describe(request)
                    + " timed out or was interrupted", "check the network, or retry", e, true);
        } catch (IOException e) {
            boolean sent = !RetryInterceptor.notSent(e);
            throw new AmsTransportException("context " + context + ": " + (sent ? request.method() + " "
                    + describe(request) + " lost its answer" : "cannot reach " + request.url().host() + ":"
                    + request.url().port()) + " (" + redactor.redact(String.valueOf(e.getMessage())) + ")",
                    "is the datacenter down? check the network and the ARM endpoint of context " + context, e, sent);
        }
    }

    /** A TLS failure: most often a private CA this context was not told about. */
    static AmshException tlsFailure(String context, String url, SSLException e) {
        HttpUrl u = HttpUrl.parse(url);
        String host = u == null ? url : u.host() + ":" + u.port();
        return new AmshException("context " + context + ": TLS with " + host + " failed (" + e.getMessage() + ")",
                "if its certificate comes from a private CA, pass --ca-file PEM to 'context add " + context + "'", e);
    }

    private AmsServiceException error(Request request, int status, String body) {
        String code = "";
        String message = "";
        try {
            JsonNode err = json.readTree(body).path("error");
            code = err.path("code").asText("");
            message = err.path("message").asText("");
        } catch (IOException | RuntimeException ignored) {
            // not an ARM error body: the status alone
        }
        String what = "context " + context + ": " + request.method() + " " + describe(request) + " failed: HTTP " + status
                + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : " - " + message);
        return new AmsServiceException(status, code, redactor.redact(what), hint(status, code, request));
    }

    private String hint(int status, String code, Request request) {
        String path = request.url().encodedPath().toLowerCase();
        if (status == 400 && code.toLowerCase().contains("apiversion")) {
            return "the service does not take api-version " + request.url().queryParameter("api-version")
                    + ": is " + account.base() + " a Media Services v3 endpoint?";
        }
        if (status == 401) {
            return "the token was refused even after a renewal: check the sign-in of context " + context;
        }
        if (status == 404) {
            if (path.contains("/streaminglocators")) {
                return "check the name; 'locators ls --on " + context + "' lists what exists";
            }
            if (path.contains("/streamingendpoints")) {
                return "check the name; 'endpoints ls --on " + context + "' lists what exists";
            }
            if (path.contains("/assets")) {
                return "check the name; 'assets ls --on " + context + "' lists what exists";
            }
            return "check the subscription, resource group and account of context " + context;
        }
        if (status == 409) {
            return "it already exists; a streaming locator cannot be changed, only removed and made again";
        }
        return AmsServiceException.hintFor(status);
    }

    /** The request as messages show it: the path under the account, without the api-version. */
    private String describe(Request request) {
        String s = URLDecoder.decode(request.url().encodedPath(), StandardCharsets.UTF_8);
        for (boolean lower : new boolean[] {false, true}) {
            String prefix = account.path(lower);
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                s = s.substring(Math.min(s.length(), prefix.length() + 1));
                break;
            }
        }
        return redactor.redact(s.isEmpty() ? "(account)" : s);
    }
}
