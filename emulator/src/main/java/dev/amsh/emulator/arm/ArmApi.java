package dev.amsh.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.amsh.emulator.common.PublishedLocators;
import dev.amsh.emulator.rest.Http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The v3 (ARM) surface of one datacenter. Each call goes: token endpoints (no bearer) → bearer check (401 with
 * an ARM error and {@code WWW-Authenticate: Bearer}) → api-version (2021-11-01 … 2023-01-01, else 400) → the
 * account path, matched case-insensitively ({@code mediaServices} and {@code mediaservices} alike) → the
 * collection's handler. Errors are {@code {"error":{"code","message"}}}.
 */
public final class ArmApi implements HttpHandler {
    /** The stable versions of the Metadata, Streaming, Encoding and Accounts specs the SDKs send. */
    static final List<String> API_VERSIONS = List.of("2021-11-01", "2022-07-01", "2022-08-01",
            "2022-11-01", "2023-01-01");
    private static final Set<String> ACCEPTED = Set.copyOf(API_VERSIONS);

    private final ArmContext c;
    private final ArmTokens tokens;
    private final AssetsResource assets;
    private final PoliciesResource policies;
    private final EndpointsResource endpoints;
    private final LocatorsResource locators;
    private final EncodingResource encoding;
    private BiConsumer<String, Throwable> errorLog = (r, e) -> { };

    ArmApi(ArmContext c, Duration tokenLifetime, EncodingResource.Encoder encoder) {
        this.c = c;
        this.tokens = new ArmTokens(c.spec(), c.clock(), tokenLifetime);
        this.assets = new AssetsResource(c);
        this.policies = new PoliciesResource(c);
        this.endpoints = new EndpointsResource(c);
        this.locators = new LocatorsResource(c, policies, endpoints);
        this.encoding = new EncodingResource(c, encoder);
    }

    /** Makes the default streaming endpoint, or points it at the origin's port of this start. */
    void seedEndpoint() {
        endpoints.seed();
    }

    public void setErrorLog(BiConsumer<String, Throwable> log) {
        this.errorLog = log;
    }

    /** What this datacenter's origin serves: its streaming locators, while its endpoint runs. */
    public PublishedLocators published() {
        return locators;
    }

    EncodingResource encoding() {
        return encoding;
    }

    ArmTokens tokens() {
        return tokens;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String base = "https://" + host(ex);
        try {
            if (ArmTokens.isTokenPath(path, c.spec().tenant())) {
                tokens.handle(ex, path, base);
                return;
            }
            tokens.check(ex.getRequestHeaders().getFirst("Authorization"));
            Map<String, String> query = Http.query(ex.getRequestURI().getRawQuery());
            String version = query.get("api-version");
            if (version == null || !ACCEPTED.contains(version)) {
                throw ArmError.invalidApiVersion(version);
            }
            List<String> segments = segments(path);
            List<String> rest = underAccount(segments, path);
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            JsonNode body = method.equals("GET") || method.equals("DELETE") ? ArmJson.object()
                    : ArmJson.parse(ex.getRequestBody().readAllBytes());
            ArmRequest r = new ArmRequest(ex, method, rest, query, body, base, c.accountId(), version);
            ArmReply reply = route(r);
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ArmJson.send(ex, reply.status(), reply.body());
        } catch (ArmError e) {
            ArmJson.sendError(ex, e);
        } catch (RuntimeException e) {
            errorLog.accept(ex.getRequestMethod() + " " + path, e);
            ArmJson.sendError(ex, new ArmError(500, "InternalServerError", "The emulator failed on this request (see its log)."));
        }
    }

    private static String host(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Host");
        if (h == null || !h.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            return "127.0.0.1:" + ex.getLocalAddress().getPort();
        }
        return h;
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The segments after {@code /subscriptions/…/mediaServices/{account}}, once the account is this one. */
    private List<String> underAccount(List<String> s, String path) {
        String[] shape = {"subscriptions", null, "resourcegroups", null, "providers", "microsoft.media", "mediaservices", null};
        if (s.size() < shape.length) {
            throw ArmError.noRoute(path);
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != null && !s.get(i).equalsIgnoreCase(shape[i])) {
                throw ArmError.noRoute(path);
            }
        }
        if (!s.get(1).equalsIgnoreCase(c.spec().subscriptionId())) {
            throw new ArmError(404, "SubscriptionNotFound", "The subscription '" + s.get(1) + "' could not be found.");
        }
        if (!s.get(3).equalsIgnoreCase(c.spec().resourceGroup())) {
            throw new ArmError(404, "ResourceGroupNotFound", "Resource group '" + s.get(3) + "' could not be found.");
        }
        if (!s.get(7).equalsIgnoreCase(c.spec().accountName())) {
            throw new ArmError(404, "ResourceNotFound", "The Resource 'Microsoft.Media/mediaservices/" + s.get(7)
                    + "' under resource group '" + s.get(3) + "' was not found.");
        }
        return s.subList(shape.length, s.size());
    }

    private ArmReply route(ArmRequest r) {
        if (r.segments().isEmpty()) {
            AssetsResource.requireMethod(r, "GET");
            return ArmReply.of(200, account());
        }
        return switch (r.segment(0).toLowerCase(Locale.ROOT)) {
            case "assets" -> assets.handle(r);
            case "streaminglocators" -> locators.handle(r);
            case "streamingpolicies" -> policies.handle(r);
            case "streamingendpoints" -> endpoints.handle(r);
            case "streamingendpointoperations" -> endpoints.operationStatus(r);
            case "transforms" -> encoding.handle(r);
            default -> throw ArmError.noRoute(r.ex().getRequestURI().getPath());
        };
    }

    private ObjectNode account() {
        ObjectNode n = ArmJson.object().put("name", c.spec().accountName()).put("id", c.accountId())
                .put("type", ArmContext.PROVIDER).put("location", "West US");
        n.putObject("tags");
        ObjectNode p = n.putObject("properties").put("mediaServiceId", c.spec().subscriptionId())
                .put("storageAuthentication", "System").put("publicNetworkAccess", "Enabled")
                .put("provisioningState", "Succeeded");
        p.putArray("storageAccounts").addObject().put("id", "/subscriptions/" + c.spec().subscriptionId()
                + "/resourceGroups/" + c.spec().resourceGroup() + "/providers/Microsoft.Storage/storageAccounts/"
                + c.spec().storageAccount()).put("type", "Primary");
        p.putObject("encryption").put("type", "SystemKey");
        p.putObject("keyDelivery").putObject("accessControl").put("defaultAction", "Allow");
        n.putObject("systemData").put("createdBy", c.spec().clientId()).put("createdByType", "Application");
        return n;
    }
}
