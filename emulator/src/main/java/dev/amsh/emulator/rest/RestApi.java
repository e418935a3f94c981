package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.amsh.emulator.storage.StorageGateway;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Media Services v2 REST subset of one emulated account, as a pipeline: the required headers and the token,
 * the writer the client asked for (JSON verbose, JSON light, Atom), X-HTTP-Method tunnelling, the resource path,
 * then the entity set's handler (which holds that set's rules and never sees the exchange), lists with
 * $filter/$orderby/$top/$skip/$inlinecount, property paths, $batch, the functions, and errors with their codes.
 */
public final class RestApi {
    public static final int PAGE_CAP = 1000;
    public static final String MES_ID = "nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56";
    private static final Pattern RESOURCE = Pattern.compile(
            "^([A-Za-z]+)(?:\\('([^']*)'\\))?(?:/(\\$links/)?([A-Za-z]+))?(?:\\(\\))?$");

    /** Where jobs go to be run; the encoder worker implements it. */
    public interface JobRunner {
        void submit(String jobId);
    }

    private final ApiContext context;
    private final TokenService tokens;
    private final FilesHandler files;
    private final LocatorsHandler locators;
    private final AssetsHandler assets;
    private final JobsHandler jobs;
    private final Map<String, EntitySetHandler> handlers = new LinkedHashMap<>();
    private volatile JobRunner jobRunner = jobId -> { };

    public RestApi(EntityStore store, StorageGateway storage, TokenService tokens, Clock clock, Supplier<UUID> ids,
                   Supplier<String> originBase) {
        this.context = new ApiContext(store, storage, clock, ids, originBase);
        this.tokens = tokens;
        this.files = new FilesHandler(context);
        this.locators = new LocatorsHandler(context);
        this.assets = new AssetsHandler(context, files, locators);
        this.jobs = new JobsHandler(context, assets);
        for (EntitySetHandler h : List.of(assets, files, new AccessPoliciesHandler(context), locators, jobs,
                new ReadOnlyHandler("Tasks"), new ReadOnlyHandler("MediaProcessors"))) {
            handlers.put(h.set(), h);
        }
        seedProcessors();
    }

    public void setJobRunner(JobRunner runner) {
        this.jobRunner = runner;
    }

    public EntityStore store() {
        return context.store();
    }

    public StorageGateway storage() {
        return context.storage();
    }

    /** A file record for a blob the encoder wrote into an output asset. */
    public ObjectNode putFile(String parent, String name, long size, String mimeType, boolean primary) {
        return files.put(parent, name, size, mimeType, primary);
    }

    /** The origin locator with this GUID, if it is inside its window now: what the origin serves. */
    public Optional<ObjectNode> activeOriginLocator(String guid) {
        return locators.activeOrigin(guid);
    }

    private void seedProcessors() {
        EntityStore store = context.store();
        if (store.get("MediaProcessors", MES_ID).isEmpty()) {
            store.put("MediaProcessors", ODataWriter.JSON.createObjectNode().put("Id", MES_ID)
                    .put("Name", "Media Encoder Standard").put("Description", "Media Encoder Standard")
                    .put("Sku", "").put("Vendor", "Microsoft").put("Version", "1.1"));
            store.put("MediaProcessors", ODataWriter.JSON.createObjectNode()
                    .put("Id", "nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e50")
                    .put("Name", "Media Encoder Standard").put("Description", "Media Encoder Standard (previous)")
                    .put("Sku", "").put("Vendor", "Microsoft").put("Version", "1.0"));
        }
    }

    /** Handles one request under the cluster API root ({@code root} ends with "/"). */
    public void handle(HttpExchange ex, String root, String relative) throws IOException {
        String maxVersion = ex.getRequestHeaders().getFirst("MaxDataServiceVersion");
        EntityWriter out = writerFor(ex.getRequestHeaders().getFirst("Accept"), root,
                maxVersion != null ? maxVersion : ex.getRequestHeaders().getFirst("DataServiceVersion"));
        String requestId = UUID.randomUUID().toString();
        ex.getResponseHeaders().add("request-id", requestId);
        ex.getResponseHeaders().add("x-ms-request-id", requestId);
        ex.getResponseHeaders().add("DataServiceVersion", "3.0;");
        // the service echoed the client's request id under the name it was sent with (the SDKs send x-ms-…)
        for (String echoed : new String[] {"client-request-id", "x-ms-client-request-id"}) {
            String clientId = ex.getRequestHeaders().getFirst(echoed);
            if (clientId != null) {
                ex.getResponseHeaders().add(echoed, clientId);
            }
        }
        try {
            checkHeaders(ex);
            route(ex, out, root, relative);
        } catch (ServiceError e) {
            Http.send(ex, e.status(), out.errorContentType(), out.error(e.code(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            ServiceError bad = ServiceErrors.badRequest(e.getMessage());
            Http.send(ex, bad.status(), out.errorContentType(), out.error(bad.code(), bad.getMessage()));
        } catch (RuntimeException e) {
            errorLog.accept(ex.getRequestMethod() + " /api/" + relative, e);
            ServiceError internal = ServiceErrors.internal("internal error: " + e.getMessage());
            Http.send(ex, internal.status(), out.errorContentType(), out.error(internal.code(), internal.getMessage()));
        }
    }

    /**
     * Atom for a client that asks for it ({@code application/atom+xml}, or {@code application/xml} as the SDK's
     * function calls do), JSON verbose for {@code odata=verbose}, JSON light otherwise.
     */
    static EntityWriter writerFor(String accept, String root, String clientVersion) {
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains("application/atom+xml") || a.contains("application/xml") && !a.contains("json")) {
            return new AtomWriter(root);
        }
        return new ODataWriter(a.contains("odata=verbose"), root, clientVersion == null || !clientVersion.trim().matches("[12](\\..*)?;?.*"));
    }

    private BiConsumer<String, Throwable> errorLog = (request, e) -> { };

    /** Where requests that failed inside the emulator are reported (the pair's log). */
    public void setErrorLog(BiConsumer<String, Throwable> errorLog) {
        this.errorLog = errorLog;
    }

    private void checkHeaders(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.valid(auth.substring(7).trim())) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            throw ServiceErrors.unauthorized(auth == null ? "Authorization header missing"
                    : "the access token is missing, invalid or expired");
        }
        String version = ex.getRequestHeaders().getFirst("x-ms-version");
        if (version == null) {
            throw ServiceErrors.badHeader("the x-ms-version header is required");
        }
        Matcher m = Pattern.compile("^2\\.(\\d+)$").matcher(version.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) > 19) {
            throw ServiceErrors.badHeader("x-ms-version '" + version + "' is not supported (2.0 to 2.19)");
        }
    }

    private void route(HttpExchange ex, EntityWriter out, String root, String relative) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String tunnelled = ex.getRequestHeaders().getFirst("X-HTTP-Method");
        if (method.equals("POST") && tunnelled != null) {
            // clients on stacks without MERGE (the Java SDK's HttpURLConnection) send it through POST
            method = tunnelled.trim().toUpperCase(Locale.ROOT);
            if (!List.of("MERGE", "PATCH", "PUT", "DELETE").contains(method)) {
                throw ServiceErrors.badHeader("X-HTTP-Method '" + tunnelled + "' is not one of MERGE, PATCH, PUT, DELETE");
            }
        }
        Map<String, String> query = Http.query(ex.getRequestURI().getRawQuery());
        String path = URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.isEmpty()) {
            serviceDocument(ex, root);
            return;
        }
        if (path.equals("$batch") && method.equals("POST")) {
            batch(ex, out, root);
            return;
        }
        if (path.equals("CreateFileInfos")) {
            assets.createFileInfos(unquote(query.get("assetid")));
            Http.sendEmpty(ex, 204);
            return;
        }
        if (path.equals("CancelJob")) {
            jobs.cancel(unquote(query.get("jobid")));
            Http.sendEmpty(ex, 204);
            return;
        }
        Matcher m = RESOURCE.matcher(path);
        if (!m.matches()) {
            throw ServiceErrors.notFound("Resource not found for the segment '" + path + "'");
        }
        String set = m.group(1);
        String key = m.group(2);
        boolean links = m.group(3) != null;
        String nav = m.group(4);
        EntitySetHandler handler = handlers.get(set);
        if (handler == null) {
            throw ServiceErrors.notFound("Resource not found for the segment '" + set + "'");
        }
        EntityStore store = context.store();
        if (key == null) {
            switch (method) {
                case "GET" -> list(ex, out, set, store.find(set, n -> true), query);
                case "POST" -> create(ex, out, root, handler);
                default -> throw ServiceErrors.methodNotAllowed(method + " is not allowed on " + set);
            }
            return;
        }
        ObjectNode entity = store.get(set, EntityKeys.forSet(set, key))
                .orElseThrow(() -> ServiceErrors.notFound("Resource " + set + "('" + key + "') does not exist."));
        if (links) {
            links(ex, out, root, method, handler, entity, nav);
            return;
        }
        if (nav != null) {
            if (!method.equals("GET")) {
                throw ServiceErrors.methodNotAllowed(method + " is not allowed on a navigation property");
            }
            navigate(ex, out, handler, entity, nav, query);
            return;
        }
        switch (method) {
            case "GET" -> Http.send(version(ex, out, set), 200, out.entityContentType(), out.single(set,
                    Expand.parse(query.get("$expand"), set).apply(handler,
                            Select.parse(query.get("$select"), PROPERTIES.get(set)).apply(handler.decorate(entity)), handlers::get)));
            case "MERGE", "PATCH", "PUT" -> {
                JsonNode body = Http.entityBody(ex);
                synchronized (store) {
                    handler.merge(entity, body);
                    entity.put("LastModified", context.now());
                    store.touched();
                }
                Http.sendEmpty(ex, 204);
            }
            case "DELETE" -> {
                synchronized (store) {
                    handler.delete(entity);
                }
                Http.sendEmpty(ex, 204);
            }
            default -> throw ServiceErrors.methodNotAllowed(method + " is not allowed on an entity");
        }
    }

    private void serviceDocument(HttpExchange ex, String root) throws IOException {
        ObjectNode doc = ODataWriter.JSON.createObjectNode().put("odata.metadata", root + "$metadata");
        ArrayNode value = doc.putArray("value");
        for (String s : List.of("AccessPolicies", "Assets", "Files", "Jobs", "Locators", "MediaProcessors", "Tasks")) {
            value.addObject().put("name", s).put("url", s);
        }
        Http.send(ex, 200, "application/json;odata=minimalmetadata;streaming=true;charset=utf-8", doc.toString());
    }

    // ---- reading ----

    /** The properties of each entity set, which is what a $filter may name. */
    static final Map<String, Set<String>> PROPERTIES = Map.of(
            "Assets", Set.of("Id", "Name", "State", "Options", "AlternateId", "Created", "LastModified", "Uri",
                    "StorageAccountName", "FormatOption"),
            "Files", Set.of("Id", "Name", "ContentFileSize", "ParentAssetId", "IsPrimary", "MimeType", "IsEncrypted",
                    "EncryptionScheme", "EncryptionVersion", "EncryptionKeyId", "InitializationVector", "ContentChecksum",
                    "Options", "Created", "LastModified"),
            "AccessPolicies", Set.of("Id", "Name", "DurationInMinutes", "Permissions", "Created", "LastModified"),
            "Locators", Set.of("Id", "Name", "Type", "AssetId", "AccessPolicyId", "StartTime", "ExpirationDateTime",
                    "Path", "BaseUri", "ContentAccessComponent"),
            "Jobs", Set.of("Id", "Name", "State", "Priority", "Created", "LastModified", "StartTime", "EndTime",
                    "RunningDuration", "TemplateId"),
            "Tasks", Set.of("Id", "Name", "State", "Configuration", "MediaProcessorId", "Priority", "Progress",
                    "StartTime", "EndTime", "RunningDuration", "PerfMessage", "TaskBody", "Options"),
            "MediaProcessors", Set.of("Id", "Name", "Description", "Sku", "Vendor", "Version"));

    private void list(HttpExchange ex, EntityWriter out, String set, List<ObjectNode> all, Map<String, String> query)
            throws IOException {
        var filter = ODataFilter.parse(query.get("$filter"), PROPERTIES.get(set));
        int skip = intParam(query, "$skip", 0);
        int top = Math.min(intParam(query, "$top", PAGE_CAP), PAGE_CAP);
        String inlineCount = query.getOrDefault("$inlinecount", "none");
        if (!inlineCount.equals("none") && !inlineCount.equals("allpages")) {
            throw ServiceErrors.badRequest("$inlinecount is allpages or none, not '" + inlineCount + "'");
        }
        List<ObjectNode> matching = new ArrayList<>(all.stream().filter(filter).toList());
        if (query.containsKey("$orderby")) {
            matching.sort(OrderBy.parse(query.get("$orderby"), PROPERTIES.get(set)));
        }
        EntitySetHandler handler = handlers.get(set);
        Select select = Select.parse(query.get("$select"), PROPERTIES.getOrDefault(set, Set.of()));
        Expand expand = handler == null ? Expand.NONE : Expand.parse(query.get("$expand"), set);
        List<ObjectNode> page = matching.stream().skip(skip).limit(top)
                .map(n -> expand.apply(handler, select.apply(handler == null ? n : handler.decorate(n)), handlers::get)).toList();
        Http.send(version(ex, out, set), 200, out.collectionContentType(),
                out.collection(set, page, inlineCount.equals("allpages") ? (long) matching.size() : null));
    }

    private void navigate(HttpExchange ex, EntityWriter out, EntitySetHandler handler, ObjectNode entity, String nav,
                          Map<String, String> query) throws IOException {
        String set = handler.set();
        if (PROPERTIES.getOrDefault(set, Set.of()).contains(nav) || nav.equals("JobNotificationSubscriptions")) {
            // a property path: GET Jobs('…')/State answers the value alone
            JsonNode value = handler.decorate(entity).get(nav);
            Http.send(ex, 200, out.propertyContentType(), out.property(nav, value == null ? NullNode.getInstance() : value));
            return;
        }
        EntitySetHandler.Related related = handler.navigate(entity, nav);
        EntitySetHandler target = handlers.get(related.set());
        if (related.single()) {
            ObjectNode one = related.entities().get(0);
            Http.send(version(ex, out, related.set()), 200, out.entityContentType(),
                    out.single(related.set(), target == null ? one : target.decorate(one)));
        } else {
            list(ex, out, related.set(), related.entities(), query);
        }
    }

    private void create(HttpExchange ex, EntityWriter out, String root, EntitySetHandler handler) throws IOException {
        JsonNode body = Http.entityBody(ex);
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        if (!Http.isXml(ct) && body.toString().contains("__metadata") && (ct == null || !ct.contains("odata=verbose"))) {
            throw ServiceErrors.badRequest("a body with __metadata needs Content-Type application/json;odata=verbose");
        }
        String set = handler.set();
        ObjectNode created = handler.create(body);
        ex.getResponseHeaders().add("Location", root + EntityWriter.keyPath(set, created.get("Id").asText()));
        Http.send(version(ex, out, set), 201, out.entityContentType(), out.single(set, handler.decorate(created)));
        if (handler == jobs) {
            jobRunner.submit(created.get("Id").asText());
        }
    }

    private void batch(HttpExchange ex, EntityWriter out, String root) throws IOException {
        BatchRequest request = BatchRequest.parse(ex.getRequestHeaders().getFirst("Content-Type"),
                ex.getRequestBody().readAllBytes());
        JobBatch.Outcome outcome = new JobBatch(jobs, context.ids()).run(request, out, root);
        Http.send(ex, 202, outcome.response().contentType(), outcome.response().body());
        if (outcome.jobId() != null) {
            jobRunner.submit(outcome.jobId());
        }
    }

    /**
     * {@code $links}: GET lists the URIs a navigation property leads to; POST adds one (an asset's parent assets,
     * the one link the pair keeps: it has no content keys or delivery policies to link).
     */
    private void links(HttpExchange ex, EntityWriter out, String root, String method, EntitySetHandler handler,
                       ObjectNode entity, String nav) throws IOException {
        switch (method) {
            case "GET" -> {
                EntitySetHandler.Related related = handler.navigate(entity, nav);
                List<String> uris = related.entities().stream()
                        .map(e -> root + EntityWriter.keyPath(related.set(), e.path("Id").asText())).toList();
                Http.send(ex, 200, out.linksContentType(), out.links(handler.set(), nav, uris, related.single()));
            }
            case "POST" -> {
                if (!(handler == assets && nav.equals("ParentAssets"))) {
                    throw ServiceErrors.notFound("the pair keeps no " + nav + " to link: only Assets('…')/$links/ParentAssets");
                }
                JsonNode body = Http.entityBody(ex);
                String uri = body.has("uri") ? body.get("uri").asText() : Fields.text(body, "uri");
                synchronized (context.store()) {
                    assets.linkParent(entity, uri);
                    context.store().touched();
                }
                Http.sendEmpty(ex, 204);
            }
            default -> throw ServiceErrors.methodNotAllowed(method + " is not allowed on $links");
        }
    }

    /** The answer's DataServiceVersion: the lowest its payload needs, as the service answered. */
    private static HttpExchange version(HttpExchange ex, EntityWriter out, String set) {
        ex.getResponseHeaders().set("DataServiceVersion", out.dataServiceVersion(set));
        return ex;
    }

    private static String unquote(String s) {
        if (s == null) {
            return null;
        }
        String d = URLDecoder.decode(s, StandardCharsets.UTF_8).trim();
        return d.startsWith("'") && d.endsWith("'") && d.length() >= 2 ? d.substring(1, d.length() - 1) : d;
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        String v = q.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ServiceErrors.badRequest(name + " must be a non-negative integer");
        }
    }

}
