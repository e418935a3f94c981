package dev.amsh.ams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amsh.ams.http.ApiRoot;
import dev.amsh.ams.http.Hedge;
import dev.amsh.ams.http.RetryInterceptor;
import dev.amsh.ams.http.TryTimeoutInterceptor;
import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.ams.model.Job;
import dev.amsh.ams.model.JobTask;
import dev.amsh.ams.model.Locator;
import dev.amsh.ams.model.MediaProcessor;
import dev.amsh.ams.model.ODataJson;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.AmshException;
import dev.amsh.error.SignInException;
import dev.amsh.paging.Paged;
import dev.amsh.redact.Redactor;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Media Services v2 REST client of one account. Built by {@link AmsClientBuilder}; every
 * cross-cutting concern (auth, the 301, retries, trace) lives in the OkHttp interceptors it is built with.
 */
public final class AmsClient {
    public static final String API_VERSION = "2.19";
    static final MediaType VERBOSE_JSON = MediaType.get("application/json;odata=verbose");
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final OkHttpClient http;
    private final Hedge hedge = new Hedge(Hedge.DEFAULT_AFTER);
    private final ApiRoot root;
    private final Redactor redactor;
    private final ObjectMapper json = new ObjectMapper();
    private final int pageSize;
    private final String contextName;
    private final TryTimeoutInterceptor.Slow slow;

    AmsClient(OkHttpClient http, ApiRoot root, Redactor redactor, int pageSize, String contextName, Duration slowTry) {
        this.slow = new TryTimeoutInterceptor.Slow(slowTry);
        this.http = http;
        this.root = root;
        this.redactor = redactor;
        this.pageSize = pageSize;
        this.contextName = contextName;
    }

    public ApiRoot apiRoot() {
        return root;
    }

    /** The context this client speaks for, as messages name it. */
    public String contextName() {
        return contextName;
    }

    // ---- Assets ----

    public Paged<Asset> listAssets(Query query) {
        return list("Assets", query, Asset::from);
    }

    public Asset getAsset(String id) {
        return Asset.from(getEntity("Assets('" + EntityIds.normalize("cid", id) + "')"));
    }

    public Asset createAsset(String name, int options, String storageAccountName) {
        return createAsset(name, options, storageAccountName, null);
    }

    /** Creates an asset; {@code alternateId} is the caller's own key, kept by the service and filterable. */
    public Asset createAsset(String name, int options, String storageAccountName, String alternateId) {
        ObjectNode body = json.createObjectNode().put("Name", name).put("Options", String.valueOf(options));
        if (storageAccountName != null) {
            body.put("StorageAccountName", storageAccountName);
        }
        if (alternateId != null) {
            body.put("AlternateId", alternateId);
        }
        return Asset.from(post("Assets", body, false));
    }

    public void updateAsset(String id, Map<String, Object> fields) {
        merge("Assets('" + EntityIds.normalize("cid", id) + "')", json.valueToTree(fields));
    }

    public void deleteAsset(String id) {
        delete("Assets('" + EntityIds.normalize("cid", id) + "')");
    }

    public List<AssetFile> listFiles(String assetId) {
        return list("Assets('" + EntityIds.normalize("cid", assetId) + "')/Files", Query.all(), AssetFile::from)
                .toList();
    }

    /** Every file of the account (the Files entity set), paged: one listing instead of a call per asset. */
    public Paged<AssetFile> listFiles(Query query) {
        return list("Files", query, AssetFile::from);
    }

    public void updateFile(String fileId, Map<String, Object> fields) {
        merge("Files('" + EntityIds.normalize("cid", fileId) + "')", json.valueToTree(fields));
    }

    /** CreateFileInfos: registers one file per blob already in the asset's container. */
    public void createFileInfos(String assetId) {
        String id = EntityIds.normalize("cid", assetId);
        HttpUrl url = root.current().newBuilder().addPathSegment("CreateFileInfos")
                .addEncodedQueryParameter("assetid", "'" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "'")
                .build();
        execute(builder(url).get().tag(TryTimeoutInterceptor.Slow.class, slow).build(), false);
    }

    // ---- Access policies ----

    public Paged<AccessPolicy> listAccessPolicies(Query query) {
        return list("AccessPolicies", query, AccessPolicy::from);
    }

    public AccessPolicy createAccessPolicy(String name, double durationInMinutes, int permissions) {
        ObjectNode body = json.createObjectNode().put("Name", name)
                .put("DurationInMinutes", String.valueOf(durationInMinutes))
                .put("Permissions", String.valueOf(permissions));
        return AccessPolicy.from(post("AccessPolicies", body, false));
    }

    public void deleteAccessPolicy(String id) {
        delete("AccessPolicies('" + EntityIds.normalize("pid", id) + "')");
    }

    // ---- Locators ----

    public Paged<Locator> listLocators(Query query) {
        return list("Locators", query, Locator::from);
    }

    public List<Locator> listLocatorsOf(String assetId) {
        return list("Assets('" + EntityIds.normalize("cid", assetId) + "')/Locators", Query.all(), Locator::from)
                .toList();
    }

    public Optional<Locator> findLocator(String id) {
        try {
            return Optional.of(Locator.from(getEntity("Locators('" + EntityIds.normalize("lid", id) + "')")));
        } catch (AmsServiceException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * CreateLocator. With a caller-chosen Id the POST is safe to repeat (a repeat answers 409 instead of
     * creating a second locator), so only then is it retried after a timeout.
     */
    public Locator createLocator(LocatorRequest r) {
        ObjectNode body = json.createObjectNode();
        if (r.id() != null) {
            body.put("Id", EntityIds.normalize("lid", r.id()));
        }
        body.put("AssetId", EntityIds.normalize("cid", r.assetId()));
        body.put("AccessPolicyId", EntityIds.normalize("pid", r.accessPolicyId()));
        body.put("Type", String.valueOf(r.type()));
        if (r.startTime() != null) {
            body.put("StartTime", ISO_SECONDS.format(r.startTime().truncatedTo(ChronoUnit.SECONDS)));
        }
        if (r.name() != null) {
            body.put("Name", r.name());
        }
        try {
            return Locator.from(post("Locators", body, r.id() != null));
        } catch (AmsServiceException e) {
            if (!e.isConflict()) {
                throw e;
            }
            Optional<Locator> made = r.id() == null ? Optional.empty() : findLocator(r.id());
            if (made.isPresent()) {
                // a repeat after a timeout meets the locator the first attempt made: that one is the answer
                Locator l = made.get();
                if (l.assetId().equals(EntityIds.normalize("cid", r.assetId()))
                        && l.accessPolicyId().equals(EntityIds.normalize("pid", r.accessPolicyId())) && l.ofType(r.type())) {
                    return l;
                }
                throw e; // the Id belongs to another locator
            }
            int held = listLocatorsOf(r.assetId()).size();
            if (held >= 5) {
                throw new AmsServiceException(409, e.code(), "context " + contextName + ": the asset already has "
                        + held + " locators, the most an asset can hold at once",
                        "remove one: 'locators ls ASSET', then 'sas rm ID' or 'locators rm ID'");
            }
            throw e;
        }
    }

    /** Moves a locator's expiry (MERGE; the service allows it on origin locators). */
    public void updateLocatorExpiry(String id, java.time.Instant expiry) {
        merge("Locators('" + EntityIds.normalize("lid", id) + "')", json.createObjectNode()
                .put("ExpirationDateTime", ISO_SECONDS.format(expiry.truncatedTo(ChronoUnit.SECONDS))));
    }

    public Locator getLocator(String id) {
        return Locator.from(getEntity("Locators('" + EntityIds.normalize("lid", id) + "')"));
    }

    public AccessPolicy getAccessPolicy(String id) {
        return AccessPolicy.from(getEntity("AccessPolicies('" + EntityIds.normalize("pid", id) + "')"));
    }

    public void deleteLocator(String id) {
        delete("Locators('" + EntityIds.normalize("lid", id) + "')");
    }

    // ---- Jobs ----

    public Paged<MediaProcessor> listMediaProcessors(Query query) {
        return list("MediaProcessors", query, MediaProcessor::from);
    }

    /** The newest version of the named processor, as the documented procedure picks it. */
    public MediaProcessor latestProcessor(String name) {
        return listMediaProcessors(Query.filter("Name eq " + Query.literal(name))).stream()
                .max(MediaProcessor::compareVersion)
                .orElseThrow(() -> new AmshException("no media processor named '" + name + "'",
                        "list them with 'processors ls'"));
    }

    public Paged<Job> listJobs(Query query) {
        return list("Jobs", query, Job::from);
    }

    public Job getJob(String id) {
        return Job.from(getEntity("Jobs('" + EntityIds.normalize("jid", id) + "')"));
    }

    public List<JobTask> listTasks(String jobId) {
        return list("Jobs('" + EntityIds.normalize("jid", jobId) + "')/Tasks", Query.all(), JobTask::from).toList();
    }

    public List<Asset> outputAssets(String jobId) {
        return list("Jobs('" + EntityIds.normalize("jid", jobId) + "')/OutputMediaAssets", Query.all(), Asset::from)
                .toList();
    }

    /** Creates a one-task job: input asset, processor, preset, and a named clear output asset. */
    public Job createJob(String name, String inputAssetId, String processorId, String preset, String outputName) {
        ObjectNode body = json.createObjectNode().put("Name", name);
        ArrayNode inputs = body.putArray("InputMediaAssets");
        inputs.addObject().putObject("__metadata").put("uri",
                root.current() + "Assets('" + EntityIds.normalize("cid", inputAssetId) + "')");
        ObjectNode task = body.putArray("Tasks").addObject();
        task.put("Name", name + " task").put("Configuration", preset).put("MediaProcessorId", processorId)
                .put("TaskBody", "<?xml version=\"1.0\" encoding=\"utf-8\"?><taskBody><inputAsset>JobInputAsset(0)"
                        + "</inputAsset><outputAsset assetCreationOptions=\"0\" assetName=\""
                        + xmlEscape(outputName) + "\">JobOutputAsset(0)</outputAsset></taskBody>");
        return Job.from(ODataJson.entity(execute(builder(url("Jobs")).post(RequestBody.create(body.toString(), VERBOSE_JSON))
                .tag(TryTimeoutInterceptor.Slow.class, slow).build(), true)));
    }

    public void cancelJob(String jobId) {
        String id = EntityIds.normalize("jid", jobId);
        HttpUrl url = root.current().newBuilder().addPathSegment("CancelJob")
                .addEncodedQueryParameter("jobid", "'" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "'")
                .build();
        execute(builder(url).get().tag(Hedge.Off.class, Hedge.Off.YES).build(), false);
    }

    // ---- plumbing ----

    private <T> Paged<T> list(String path, Query query, Function<JsonNode, T> mapper) {
        return Paged.offsets((skip, top) -> {
            HttpUrl.Builder url = url(path).newBuilder();
            if (query.filter() != null && !query.filter().isBlank()) {
                url.addQueryParameter("$filter", query.filter());
            }
            if (skip > 0) {
                url.addQueryParameter("$skip", String.valueOf(skip));
            }
            url.addQueryParameter("$top", String.valueOf(top));
            JsonNode body = execute(builder(url.build()).get().build(), true);
            List<T> out = new ArrayList<>();
            for (JsonNode n : ODataJson.entities(body)) {
                out.add(mapper.apply(n));
            }
            return out;
        }, pageSize, query.top());
    }

    private JsonNode getEntity(String path) {
        return ODataJson.entity(execute(builder(url(path)).get().build(), true));
    }

    private JsonNode post(String path, JsonNode body, boolean idempotent) {
        Request.Builder b = builder(url(path)).post(RequestBody.create(body.toString(), VERBOSE_JSON));
        if (idempotent) {
            b.tag(RetryInterceptor.Idempotent.class, RetryInterceptor.Idempotent.YES);
        }
        return ODataJson.entity(execute(b.build(), true));
    }

    private void merge(String path, JsonNode body) {
        execute(builder(url(path)).method("MERGE", RequestBody.create(body.toString(), VERBOSE_JSON)).build(), false);
    }

    private void delete(String path) {
        execute(builder(url(path)).delete().build(), false);
    }

    private HttpUrl url(String relative) {
        return HttpUrl.get(root.current() + relative);
    }

    private static Request.Builder builder(HttpUrl url) {
        return new Request.Builder().url(url)
                .header("x-ms-version", API_VERSION)
                .header("DataServiceVersion", "3.0")
                .header("MaxDataServiceVersion", "3.0")
                .header("Accept", "application/json;odata=verbose")
                .header("Accept-Charset", "UTF-8");
    }

    private JsonNode execute(Request request, boolean expectBody) {
        try (Response response = Hedge.applies(request) ? hedge.execute(http, request)
                : http.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw error(request, response.code(), text);
            }
            if (!expectBody || text.isBlank()) {
                return json.createObjectNode();
            }
            return json.readTree(text);
        } catch (SignInException e) {
            // the token fetch knows no context: name it here, so a report over several contexts says which one
            String what = "context " + contextName + ": cannot sign in: " + redactor.redact(String.valueOf(e.getMessage()));
            String hint = e.hint().replace("this context", "context " + contextName);
            throw e.reached() ? new SignInException(what, hint, e, true)
                    : new AmsTransportException(what, hint, e, false);
        } catch (InterruptedIOException e) {
            throw new AmsTransportException("context " + contextName + ": " + request.method() + " " + describe(request)
                    + " timed out or was interrupted", "check the network, or retry", e, true);
        } catch (IOException e) {
            boolean sent = !RetryInterceptor.notSent(e);
            throw new AmsTransportException("context " + contextName + ": " + (sent ? request.method() + " "
                    + describe(request) + " lost its answer" : "cannot reach " + request.url().host() + ":"
                    + request.url().port()) + " (" + redactor.redact(String.valueOf(e.getMessage())) + ")",
                    "is the datacenter down? check the network and the API root of context " + contextName, e, sent);
        }
    }

    private AmsServiceException error(Request request, int status, String body) {
        String code = "";
        String message = "";
        try {
            JsonNode n = json.readTree(body);
            JsonNode err = n.has("odata.error") ? n.get("odata.error") : n.get("error");
            if (err != null) {
                code = err.path("code").asText("");
                JsonNode m = err.path("message");
                message = m.isObject() ? m.path("value").asText("") : m.asText("");
            }
        } catch (IOException | RuntimeException ignored) {
            // not an OData error body: keep the status alone
        }
        String what = "context " + contextName + ": " + request.method() + " " + describe(request) + " failed: HTTP " + status
                + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : " - " + message);
        return new AmsServiceException(status, code, redactor.redact(what), hint(status, request));
    }

    /** For a missing entity, the listing that shows what does exist. */
    private String hint(int status, Request request) {
        if (status == 404) {
            String path = request.url().encodedPath();
            for (String[] set : new String[][] {{"/Jobs", "jobs ls"}, {"/Locators", "locators ls"},
                    {"/AccessPolicies", "policies ls"}, {"/Files", "files ls ASSET"}, {"/Assets", "assets ls"}}) {
                if (path.contains(set[0])) {
                    return "check the Id; '" + set[1] + "' lists what exists";
                }
            }
        }
        return AmsServiceException.hintFor(status);
    }

    /** The request relative to the API root (the cluster's, or the configured one it was built against). */
    private String describe(Request request) {
        String s = URLDecoder.decode(request.url().toString(), StandardCharsets.UTF_8);
        for (String r : new String[] {root.current().toString(), root.configured().toString()}) {
            if (s.startsWith(r)) {
                return redactor.redact(s.substring(r.length()));
            }
        }
        return redactor.redact(s);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
