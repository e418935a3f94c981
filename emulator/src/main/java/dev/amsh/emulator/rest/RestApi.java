package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.amsh.emulator.storage.StorageGateway;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Media Services v2 REST subset of one emulated account, faithful to the service's wire protocol:
 * required headers, both JSON dialects, $filter/$top/$skip with the 1,000 cap, MERGE and DELETE, the
 * OData error body, and the rules the failover procedure meets (5 locators per asset, caller-chosen
 * locator Ids, read-only origin policies, StorageEncrypted assets, SAS paths backed by stored policies).
 */
public final class RestApi {
    public static final int PAGE_CAP = 1000;
    public static final String MES_ID = "nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56";
    private static final Pattern RESOURCE = Pattern.compile("^([A-Za-z]+)(?:\\('([^']*)'\\))?(?:/([A-Za-z]+))?(?:\\(\\))?$");
    private static final Pattern NAME_FORBIDDEN = Pattern.compile("[!*'();:@&=+$,/?%#\\[\\]\"]");
    private static final DateTimeFormatter EN_US_G = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    /** Where jobs go to be run; the encoder worker implements it. */
    public interface JobRunner {
        void submit(String jobId);
    }

    private final EntityStore store;
    private final StorageGateway storage;
    private final TokenService tokens;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Supplier<String> originBase;
    private volatile JobRunner jobRunner = jobId -> { };

    public RestApi(EntityStore store, StorageGateway storage, TokenService tokens, Clock clock, Supplier<UUID> ids,
                   Supplier<String> originBase) {
        this.store = store;
        this.storage = storage;
        this.tokens = tokens;
        this.clock = clock;
        this.ids = ids;
        this.originBase = originBase;
        seedProcessors();
    }

    public void setJobRunner(JobRunner runner) {
        this.jobRunner = runner;
    }

    public EntityStore store() {
        return store;
    }

    public StorageGateway storage() {
        return storage;
    }

    private void seedProcessors() {
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
        boolean verbose = ex.getRequestHeaders().getFirst("Accept") != null
                && ex.getRequestHeaders().getFirst("Accept").contains("odata=verbose");
        ODataWriter out = new ODataWriter(verbose, root);
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
            Http.send(ex, e.status(), out.contentType(), out.error(e.code(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            Http.send(ex, 400, out.contentType(), out.error("", e.getMessage()));
        } catch (RuntimeException e) {
            errorLog.accept(ex.getRequestMethod() + " /api/" + relative, e);
            Http.send(ex, 500, out.contentType(), out.error("InternalError", "internal error: " + e.getMessage()));
        }
    }

    private java.util.function.BiConsumer<String, Throwable> errorLog = (request, e) -> { };

    /** Where requests that failed inside the emulator are reported (the pair's log). */
    public void setErrorLog(java.util.function.BiConsumer<String, Throwable> errorLog) {
        this.errorLog = errorLog;
    }

    private void checkHeaders(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.valid(auth.substring(7).trim())) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            throw new ServiceError(401, "", auth == null ? "Authorization header missing"
                    : "the access token is missing, invalid or expired");
        }
        String version = ex.getRequestHeaders().getFirst("x-ms-version");
        if (version == null) {
            throw new ServiceError(400, "", "the x-ms-version header is required");
        }
        Matcher m = Pattern.compile("^2\\.(\\d+)$").matcher(version.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) > 19) {
            throw new ServiceError(400, "", "x-ms-version '" + version + "' is not supported (2.0 to 2.19)");
        }
        String accept = ex.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("atom")) {
            throw new ServiceError(415, "", "this emulator speaks JSON (verbose and light), not Atom");
        }
    }

    private void route(HttpExchange ex, ODataWriter out, String root, String relative) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        Map<String, String> query = Http.query(ex.getRequestURI().getRawQuery());
        String path = URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.isEmpty()) {
            serviceDocument(ex, root);
            return;
        }
        if (path.equals("CreateFileInfos")) {
            createFileInfos(ex, unquote(query.get("assetid")));
            return;
        }
        if (path.equals("CancelJob")) {
            cancelJob(ex, unquote(query.get("jobid")));
            return;
        }
        Matcher m = RESOURCE.matcher(path);
        if (!m.matches()) {
            throw new ServiceError(404, "", "Resource not found for the segment '" + path + "'");
        }
        String set = m.group(1);
        String key = m.group(2);
        String nav = m.group(3);
        if (!ODataWriter.TYPES.containsKey(set)) {
            throw new ServiceError(404, "", "Resource not found for the segment '" + set + "'");
        }
        if (key == null) {
            switch (method) {
                case "GET" -> list(ex, out, set, store.find(set, n -> true), query);
                case "POST" -> create(ex, out, root, set);
                default -> throw new ServiceError(405, "", method + " is not allowed on " + set);
            }
            return;
        }
        ObjectNode entity = store.get(set, normalizeKey(set, key))
                .orElseThrow(() -> new ServiceError(404, "", "Resource " + set + "('" + key + "') does not exist."));
        if (nav != null) {
            if (!method.equals("GET")) {
                throw new ServiceError(405, "", method + " is not allowed on a navigation property");
            }
            navigate(ex, out, set, entity, nav, query);
            return;
        }
        switch (method) {
            case "GET" -> Http.send(ex, 200, out.contentType(), out.single(set, decorate(set, entity)));
            case "MERGE", "PATCH", "PUT" -> merge(ex, set, entity);
            case "DELETE" -> delete(ex, set, entity);
            default -> throw new ServiceError(405, "", method + " is not allowed on an entity");
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
    static final Map<String, java.util.Set<String>> PROPERTIES = Map.of(
            "Assets", java.util.Set.of("Id", "Name", "State", "Options", "AlternateId", "Created", "LastModified", "Uri",
                    "StorageAccountName", "FormatOption"),
            "Files", java.util.Set.of("Id", "Name", "ContentFileSize", "ParentAssetId", "IsPrimary", "MimeType", "IsEncrypted",
                    "EncryptionScheme", "EncryptionVersion", "EncryptionKeyId", "InitializationVector", "ContentChecksum",
                    "Options", "Created", "LastModified"),
            "AccessPolicies", java.util.Set.of("Id", "Name", "DurationInMinutes", "Permissions", "Created", "LastModified"),
            "Locators", java.util.Set.of("Id", "Name", "Type", "AssetId", "AccessPolicyId", "StartTime", "ExpirationDateTime",
                    "Path", "BaseUri", "ContentAccessComponent"),
            "Jobs", java.util.Set.of("Id", "Name", "State", "Priority", "Created", "LastModified", "StartTime", "EndTime",
                    "RunningDuration", "TemplateId"),
            "Tasks", java.util.Set.of("Id", "Name", "State", "Configuration", "MediaProcessorId", "Priority", "Progress",
                    "StartTime", "EndTime", "RunningDuration", "PerfMessage", "TaskBody", "Options"),
            "MediaProcessors", java.util.Set.of("Id", "Name", "Description", "Sku", "Vendor", "Version"));

    private void list(HttpExchange ex, ODataWriter out, String set, List<ObjectNode> all, Map<String, String> query)
            throws IOException {
        var filter = ODataFilter.parse(query.get("$filter"), PROPERTIES.get(set));
        int skip = intParam(query, "$skip", 0);
        int top = Math.min(intParam(query, "$top", PAGE_CAP), PAGE_CAP);
        List<ObjectNode> page = new ArrayList<>();
        int seen = 0;
        for (ObjectNode n : all) {
            if (!filter.test(n)) {
                continue;
            }
            if (seen++ < skip) {
                continue;
            }
            if (page.size() >= top) {
                break;
            }
            page.add(decorate(set, n));
        }
        Http.send(ex, 200, out.contentType(), out.collection(set, page));
    }

    private void navigate(HttpExchange ex, ODataWriter out, String set, ObjectNode entity, String nav,
                          Map<String, String> query) throws IOException {
        String id = entity.get("Id").asText();
        switch (set + "/" + nav) {
            case "Assets/Files" -> list(ex, out, "Files", store.find("Files", f -> id.equals(f.path("ParentAssetId").asText())), query);
            case "Assets/Locators" -> list(ex, out, "Locators", store.find("Locators", l -> id.equals(l.path("AssetId").asText())), query);
            case "Assets/ParentAssets", "Assets/ContentKeys", "Assets/DeliveryPolicies" -> list(ex, out, nav, List.of(), query);
            case "Locators/AccessPolicy" -> Http.send(ex, 200, out.contentType(), out.single("AccessPolicies",
                    store.get("AccessPolicies", entity.path("AccessPolicyId").asText()).orElseThrow(
                            () -> new ServiceError(404, "", "the locator's access policy no longer exists"))));
            case "Locators/Asset" -> Http.send(ex, 200, out.contentType(), out.single("Assets",
                    decorate("Assets", store.get("Assets", entity.path("AssetId").asText()).orElseThrow())));
            case "Jobs/Tasks" -> list(ex, out, "Tasks", store.find("Tasks", t -> id.equals(t.path("_JobId").asText())), query);
            case "Jobs/InputMediaAssets" -> list(ex, out, "Assets", assetsIn(entity.path("_InputAssetIds")), query);
            case "Jobs/OutputMediaAssets" -> list(ex, out, "Assets", assetsIn(entity.path("_OutputAssetIds")), query);
            default -> throw new ServiceError(404, "", "Resource not found for the segment '" + nav + "'");
        }
    }

    private List<ObjectNode> assetsIn(JsonNode idsNode) {
        List<ObjectNode> out = new ArrayList<>();
        idsNode.forEach(i -> store.get("Assets", i.asText()).ifPresent(out::add));
        return out;
    }

    /** Adds the fields the service computed from where things live now (storage and origin endpoints). */
    ObjectNode decorate(String set, ObjectNode stored) {
        if (set.equals("Assets")) {
            ObjectNode n = stored.deepCopy();
            n.put("Uri", storage.containerUrl(stored.path("_container").asText()));
            return n;
        }
        if (set.equals("Locators")) {
            ObjectNode n = stored.deepCopy();
            String guid = guidOf(stored.get("Id").asText());
            if (stored.path("Type").asInt() == 1) {
                String container = stored.path("_container").asText();
                String base = storage.containerUrl(container);
                String sas = "?" + storage.policySas(container, guid);
                n.put("BaseUri", base).put("ContentAccessComponent", sas).put("Path", base + sas);
            } else {
                String base = originBase.get();
                n.put("BaseUri", base).put("ContentAccessComponent", guid).put("Path", base + "/" + guid + "/");
            }
            return n;
        }
        return stored;
    }

    // ---- creating ----

    private void create(HttpExchange ex, ODataWriter out, String root, String set) throws IOException {
        JsonNode body = Http.jsonBody(ex);
        if (body.toString().contains("__metadata")) {
            String ct = ex.getRequestHeaders().getFirst("Content-Type");
            if (ct == null || !ct.contains("odata=verbose")) {
                throw new ServiceError(400, "", "a body with __metadata needs Content-Type application/json;odata=verbose");
            }
        }
        ObjectNode created = switch (set) {
            case "Assets" -> createAsset(body);
            case "Files" -> createFile(body);
            case "AccessPolicies" -> createPolicy(body);
            case "Locators" -> createLocator(body);
            case "Jobs" -> createJob(body);
            default -> throw new ServiceError(405, "", "POST is not allowed on " + set);
        };
        ex.getResponseHeaders().add("Location", root + set + "('" + created.get("Id").asText().replace(":", "%3A") + "')");
        Http.send(ex, 201, out.contentType(), out.single(set, decorate(set, created)));
        if (set.equals("Jobs")) {
            jobRunner.submit(created.get("Id").asText());
        }
    }

    ObjectNode createAsset(JsonNode body) {
        int options = intField(body, "Options", 0);
        if (options != 0 && options != 1 && options != 2 && options != 4) {
            throw new ServiceError(400, "", "Options must be one of 0, 1, 2, 4");
        }
        String requestedStorage = text(body, "StorageAccountName");
        if (requestedStorage != null && !requestedStorage.equals(storage.account().name())) {
            throw new ServiceError(404, "", "storage account '" + requestedStorage + "' is not attached to this account");
        }
        String guid = ids.get().toString();
        String now = now();
        ObjectNode asset = ODataWriter.JSON.createObjectNode()
                .put("Id", "nb:cid:UUID:" + guid).put("State", 0).put("Created", now).put("LastModified", now)
                .put("AlternateId", text(body, "AlternateId")).put("Name", text(body, "Name"))
                .put("Options", options).put("FormatOption", intField(body, "FormatOption", 0))
                .put("StorageAccountName", storage.account().name()).put("_container", "asset-" + guid);
        storage.createContainer("asset-" + guid);
        store.put("Assets", asset);
        return asset;
    }

    private ObjectNode createFile(JsonNode body) {
        String parent = normalize("cid", require(body, "ParentAssetId"));
        store.get("Assets", parent).orElseThrow(() -> new ServiceError(404, "", "ParentAssetId refers to a missing asset"));
        String name = require(body, "Name");
        validateFileName(name);
        if (!store.find("Files", f -> parent.equals(f.path("ParentAssetId").asText()) && name.equals(f.path("Name").asText())).isEmpty()) {
            throw new ServiceError(409, "", "a file named '" + name + "' already exists in the asset");
        }
        return putFile(parent, name, int64(body, "ContentFileSize"), text(body, "MimeType"), bool(body, "IsPrimary"));
    }

    public ObjectNode putFile(String parent, String name, long size, String mimeType, boolean primary) {
        String now = now();
        ObjectNode file = ODataWriter.JSON.createObjectNode().put("Id", "nb:cid:UUID:" + ids.get())
                .put("Name", name).put("ContentFileSize", String.valueOf(size)).put("ParentAssetId", parent)
                .put("EncryptionVersion", (String) null).put("EncryptionScheme", (String) null)
                .put("IsEncrypted", false).put("EncryptionKeyId", (String) null).put("InitializationVector", (String) null)
                .put("IsPrimary", primary).put("LastModified", now).put("Created", now).put("MimeType", mimeType)
                .put("ContentChecksum", (String) null).put("Options", 0);
        store.put("Files", file);
        return file;
    }

    private static void validateFileName(String name) {
        if (name.length() > 260 || NAME_FORBIDDEN.matcher(name).find() || name.chars().filter(c -> c == '.').count() > 1) {
            throw new ServiceError(400, "", "file name '" + name + "' is invalid: at most 260 characters, one '.', none of !*'();:@&=+$,/?%#[]\"");
        }
    }

    private ObjectNode createPolicy(JsonNode body) {
        if (!body.hasNonNull("DurationInMinutes")) {
            throw new ServiceError(500, "", "An error has occurred: DurationInMinutes is required");
        }
        double minutes = Double.parseDouble(body.get("DurationInMinutes").asText());
        int permissions = intField(body, "Permissions", 0);
        String now = now();
        ObjectNode policy = ODataWriter.JSON.createObjectNode().put("Id", "nb:pid:UUID:" + ids.get())
                .put("Created", now).put("LastModified", now).put("Name", text(body, "Name"))
                .put("DurationInMinutes", minutes).put("Permissions", permissions);
        store.put("AccessPolicies", policy);
        return policy;
    }

    private ObjectNode createLocator(JsonNode body) {
        String assetId = normalize("cid", require(body, "AssetId"));
        String policyId = normalize("pid", require(body, "AccessPolicyId"));
        int type = intField(body, "Type", 0);
        if (type != 1 && type != 2) {
            throw new ServiceError(400, "", "Type must be 1 (Sas) or 2 (OnDemandOrigin)");
        }
        String id = body.hasNonNull("Id") ? normalize("lid", body.get("Id").asText()) : "nb:lid:UUID:" + ids.get();
        synchronized (store) {
            if (store.get("Locators", id).isPresent()) {
                throw new ServiceError(409, "", "Locator with Id " + id + " already exists");
            }
            ObjectNode asset = store.get("Assets", assetId)
                    .orElseThrow(() -> new ServiceError(404, "", "AssetId refers to a missing asset"));
            ObjectNode policy = store.get("AccessPolicies", policyId)
                    .orElseThrow(() -> new ServiceError(404, "", "AccessPolicyId refers to a missing access policy"));
            if (store.find("Locators", l -> assetId.equals(l.path("AssetId").asText())).size() >= 5) {
                throw new ServiceError(409, "", "The asset already has 5 locators, the most an asset can have at once");
            }
            int permissions = policy.path("Permissions").asInt();
            if (type == 2) {
                if ((permissions & (2 | 4)) != 0) {
                    throw new ServiceError(400, "", "an origin locator needs a read-only access policy (no Write or Delete)");
                }
                if (asset.path("Options").asInt() == 1) {
                    throw new ServiceError(400, "", "the asset is StorageEncrypted: clear streaming is refused without a delivery policy");
                }
                if (store.find("Files", f -> assetId.equals(f.path("ParentAssetId").asText())).isEmpty()) {
                    throw new ServiceError(400, "", "an origin locator can only be created after files exist in the asset");
                }
            }
            Instant start = body.hasNonNull("StartTime") ? parseTime(body.get("StartTime").asText()) : null;
            double minutes = policy.path("DurationInMinutes").asDouble();
            Instant expiry = (start == null ? clock.instant() : start).plus(Duration.ofMillis(Math.round(minutes * 60_000)));
            String container = asset.path("_container").asText();
            ObjectNode locator = ODataWriter.JSON.createObjectNode().put("Id", id).put("Name", text(body, "Name"))
                    .put("ExpirationDateTime", expiry.toString()).put("Type", type).put("AccessPolicyId", policyId)
                    .put("AssetId", assetId).put("StartTime", start == null ? null : start.toString())
                    .put("_container", container);
            if (type == 1) {
                storage.addPolicy(container, guidOf(id), sasPermissions(permissions),
                        start == null ? null : OffsetDateTime.ofInstant(start, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC));
            }
            store.put("Locators", locator);
            if (type == 2) {
                asset.put("State", 1);
                store.touched();
            }
            return locator;
        }
    }

    private ObjectNode createJob(JsonNode body) {
        JsonNode inputs = body.path("InputMediaAssets");
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw new ServiceError(400, "", "a job needs InputMediaAssets");
        }
        List<String> inputIds = new ArrayList<>();
        for (JsonNode in : inputs) {
            String uri = in.path("__metadata").path("uri").asText();
            Matcher m = Pattern.compile("Assets\\('([^']+)'\\)").matcher(URLDecoder.decode(uri, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new ServiceError(400, "", "InputMediaAssets entries need __metadata.uri of an asset");
            }
            String id = normalize("cid", m.group(1));
            store.get("Assets", id).orElseThrow(() -> new ServiceError(404, "", "input asset " + id + " does not exist"));
            inputIds.add(id);
        }
        JsonNode tasks = body.path("Tasks");
        if (!tasks.isArray() || tasks.isEmpty()) {
            throw new ServiceError(400, "", "a job needs at least one task");
        }
        String now = now();
        String jobId = "nb:jid:UUID:" + ids.get();
        ObjectNode job = ODataWriter.JSON.createObjectNode().put("Id", jobId).put("Name", text(body, "Name"))
                .put("Created", now).put("LastModified", now).put("EndTime", (String) null)
                .put("Priority", intField(body, "Priority", 0)).put("RunningDuration", 0.0)
                .put("StartTime", (String) null).put("State", 0).put("TemplateId", (String) null);
        ArrayNode inputArr = job.putArray("_InputAssetIds");
        inputIds.forEach(inputArr::add);
        ArrayNode outputArr = job.putArray("_OutputAssetIds");
        for (JsonNode t : tasks) {
            String processor = normalize("mpid", require(t, "MediaProcessorId"));
            store.get("MediaProcessors", processor)
                    .orElseThrow(() -> new ServiceError(400, "", "MediaProcessorId " + processor + " does not exist"));
            String taskBody = text(t, "TaskBody");
            Matcher name = Pattern.compile("assetName=\"([^\"]*)\"").matcher(taskBody == null ? "" : taskBody);
            ObjectNode output = createAsset(ODataWriter.JSON.createObjectNode()
                    .put("Name", name.find() ? name.group(1) : "JobOutputAsset").put("Options", 0));
            outputArr.add(output.get("Id").asText());
            ObjectNode task = ODataWriter.JSON.createObjectNode().put("Id", "nb:tid:UUID:" + ids.get())
                    .put("Configuration", text(t, "Configuration")).put("EndTime", (String) null)
                    .put("MediaProcessorId", processor).put("Name", text(t, "Name"))
                    .put("PerfMessage", (String) null).put("Priority", 0).put("Progress", 0.0)
                    .put("RunningDuration", 0.0).put("StartTime", (String) null).put("State", 0)
                    .put("TaskBody", taskBody).put("Options", intField(t, "Options", 0))
                    .put("_JobId", jobId).put("_OutputAssetId", output.get("Id").asText());
            task.putArray("ErrorDetails");
            store.put("Tasks", task);
        }
        store.put("Jobs", job);
        return job;
    }

    // ---- changing ----

    private void merge(HttpExchange ex, String set, ObjectNode entity) throws IOException {
        JsonNode body = Http.jsonBody(ex);
        synchronized (store) {
            switch (set) {
                case "Assets" -> {
                    rejectChangedReadOnly(body, entity, "Id", "Uri", "Options", "Created", "State");
                    for (String f : List.of("Name", "AlternateId")) {
                        if (body.has(f)) {
                            entity.set(f, body.get(f));
                        }
                    }
                }
                case "Files" -> {
                    rejectChangedReadOnly(body, entity, "Id", "ParentAssetId", "Created");
                    if (body.has("Name")) {
                        validateFileName(body.get("Name").asText());
                        entity.set("Name", body.get("Name"));
                    }
                    if (body.has("IsPrimary")) {
                        boolean primary = body.get("IsPrimary").asBoolean() || "true".equalsIgnoreCase(body.get("IsPrimary").asText());
                        String parent = entity.path("ParentAssetId").asText();
                        String self = entity.path("Id").asText();
                        if (primary && !store.find("Files", f -> parent.equals(f.path("ParentAssetId").asText())
                                && f.path("IsPrimary").asBoolean() && !self.equals(f.path("Id").asText())).isEmpty()) {
                            throw new ServiceError(409, "", "the asset already has a primary file");
                        }
                        entity.put("IsPrimary", primary);
                    }
                    if (body.has("MimeType")) {
                        entity.set("MimeType", body.get("MimeType"));
                    }
                    if (body.has("ContentFileSize")) {
                        entity.put("ContentFileSize", body.get("ContentFileSize").asText());
                    }
                }
                case "Locators" -> {
                    if (entity.path("Type").asInt() == 1) {
                        throw new ServiceError(400, "", "a SAS locator cannot be updated");
                    }
                    if (body.has("StartTime")) {
                        entity.put("StartTime", parseTime(body.get("StartTime").asText()).toString());
                    }
                    if (body.has("ExpirationDateTime")) {
                        entity.put("ExpirationDateTime", parseTime(body.get("ExpirationDateTime").asText()).toString());
                    }
                }
                case "AccessPolicies" -> {
                    if (body.has("Name")) {
                        entity.set("Name", body.get("Name"));
                    }
                }
                default -> throw new ServiceError(405, "", "MERGE is not allowed on " + set);
            }
            entity.put("LastModified", now());
            store.touched();
        }
        Http.sendEmpty(ex, 204);
    }

    /**
     * A read-only property may come back unchanged (clients MERGE the entity they read, and the service answered
     * 204); a changed one is refused before anything is applied.
     */
    private void rejectChangedReadOnly(JsonNode body, ObjectNode entity, String... fields) {
        for (String f : fields) {
            if (body.has(f) && !sameValue(body.get(f), entity.get(f))) {
                throw new ServiceError(400, "", "property '" + f + "' cannot be updated");
            }
        }
    }

    private boolean sameValue(JsonNode sent, JsonNode held) {
        if (held == null || held.isNull()) {
            return sent.isNull();
        }
        if (sent.asText().equals(held.asText())) {
            return true;
        }
        try {
            return parseTime(sent.asText()).equals(parseTime(held.asText()));
        } catch (RuntimeException e) {
            return false; // neither the same text nor the same instant
        }
    }

    private void delete(HttpExchange ex, String set, ObjectNode entity) throws IOException {
        String id = entity.get("Id").asText();
        synchronized (store) {
            switch (set) {
                case "Locators" -> removeLocator(entity);
                case "Assets" -> {
                    store.find("Locators", l -> id.equals(l.path("AssetId").asText())).forEach(this::removeLocator);
                    store.removeWhere("Files", f -> id.equals(f.path("ParentAssetId").asText()));
                    storage.deleteContainer(entity.path("_container").asText());
                    store.remove("Assets", id);
                    if (!store.find("Jobs", j -> true).isEmpty()) {
                        store.touched();
                    }
                }
                case "Files", "AccessPolicies" -> store.remove(set, id);
                case "Jobs" -> {
                    store.removeWhere("Tasks", t -> id.equals(t.path("_JobId").asText()));
                    store.remove("Jobs", id);
                }
                default -> throw new ServiceError(405, "", "DELETE is not allowed on " + set);
            }
        }
        Http.sendEmpty(ex, 204);
    }

    private void removeLocator(ObjectNode locator) {
        if (locator.path("Type").asInt() == 1) {
            storage.removePolicy(locator.path("_container").asText(), guidOf(locator.get("Id").asText()));
        }
        store.remove("Locators", locator.get("Id").asText());
        String assetId = locator.path("AssetId").asText();
        if (store.find("Locators", l -> assetId.equals(l.path("AssetId").asText()) && l.path("Type").asInt() == 2).isEmpty()) {
            store.get("Assets", assetId).ifPresent(a -> a.put("State", 0));
        }
    }

    private void createFileInfos(HttpExchange ex, String rawId) throws IOException {
        if (rawId == null) {
            throw new ServiceError(400, "", "CreateFileInfos needs assetid='<asset id>'");
        }
        String id = normalize("cid", rawId);
        ObjectNode asset = store.get("Assets", id).orElseThrow(() -> new ServiceError(404, "", "asset " + id + " does not exist"));
        String container = asset.path("_container").asText();
        if (!storage.containerExists(container)) {
            throw new ServiceError(409, "", "the asset's container " + container + " is missing");
        }
        Map<String, StorageGateway.Blob> blobs = new LinkedHashMap<>();
        storage.list(container).forEach(b -> blobs.put(b.name(), b));
        synchronized (store) {
            for (ObjectNode f : store.find("Files", f -> id.equals(f.path("ParentAssetId").asText()))) {
                StorageGateway.Blob b = blobs.remove(f.path("Name").asText());
                if (b != null) {
                    f.put("ContentFileSize", String.valueOf(b.length()));
                }
            }
            for (StorageGateway.Blob b : blobs.values()) {
                if (b.name().contains("/")) {
                    continue; // the service registered top-level blobs only
                }
                putFile(id, b.name(), b.length(), null, false);
            }
            store.touched();
        }
        Http.sendEmpty(ex, 204);
    }

    private void cancelJob(HttpExchange ex, String rawId) throws IOException {
        if (rawId == null) {
            throw new ServiceError(400, "", "CancelJob needs jobid='<job id>'");
        }
        String id = normalize("jid", rawId);
        ObjectNode job = store.get("Jobs", id).orElseThrow(() -> new ServiceError(404, "", "job " + id + " does not exist"));
        synchronized (store) {
            int state = job.path("State").asInt();
            if (state == 3 || state == 4 || state == 5) {
                throw new ServiceError(400, "", "the job has already ended (" + state + ")");
            }
            job.put("State", 6);
            store.touched();
        }
        Http.sendEmpty(ex, 204);
    }

    // ---- helpers ----

    private static String sasPermissions(int p) {
        StringBuilder sb = new StringBuilder();
        if ((p & 1) != 0) sb.append('r');
        if ((p & 2) != 0) sb.append('w');
        if ((p & 4) != 0) sb.append('d');
        if ((p & 8) != 0) sb.append('l');
        return sb.toString();
    }

    private String normalizeKey(String set, String key) {
        String kind = switch (set) {
            case "Assets", "Files" -> "cid";
            case "AccessPolicies" -> "pid";
            case "Locators" -> "lid";
            case "Jobs" -> "jid";
            case "Tasks" -> "tid";
            case "MediaProcessors" -> "mpid";
            default -> "";
        };
        return normalize(kind, key);
    }

    static String normalize(String kind, String raw) {
        return "nb:" + kind + ":UUID:" + guidOf(raw);
    }

    static String guidOf(String raw) {
        Matcher m = Pattern.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")
                .matcher(raw == null ? "" : raw);
        if (!m.find()) {
            throw new ServiceError(400, "", "'" + raw + "' is not a valid Id");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(s.trim(), EN_US_G).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    Matcher m = Pattern.compile("/Date\\((-?\\d+)").matcher(s);
                    if (m.find()) {
                        return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
                    }
                    throw new ServiceError(400, "", "'" + s + "' is not a valid date");
                }
            }
        }
    }

    private String now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
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
            throw new ServiceError(400, "", name + " must be a non-negative integer");
        }
    }

    static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String require(JsonNode n, String f) {
        String v = text(n, f);
        if (v == null || v.isBlank()) {
            throw new ServiceError(400, "", "the property '" + f + "' is required");
        }
        return v;
    }

    private static int intField(JsonNode n, String f, int fallback) {
        String v = text(n, f);
        if (v == null) {
            return fallback;
        }
        try {
            return (int) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ServiceError(400, "", "the property '" + f + "' must be a number");
        }
    }

    private static long int64(JsonNode n, String f) {
        String v = text(n, f);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static boolean bool(JsonNode n, String f) {
        String v = text(n, f);
        return v != null && Boolean.parseBoolean(v);
    }

    public Optional<ObjectNode> activeOriginLocator(String guid) {
        String id = "nb:lid:UUID:" + guid.toLowerCase(Locale.ROOT);
        return store.get("Locators", id).filter(l -> l.path("Type").asInt() == 2).filter(l -> {
            Instant now = clock.instant();
            String start = text(l, "StartTime");
            String end = text(l, "ExpirationDateTime");
            return (start == null || !now.isBefore(Instant.parse(start))) && (end == null || now.isBefore(Instant.parse(end)));
        });
    }
}
