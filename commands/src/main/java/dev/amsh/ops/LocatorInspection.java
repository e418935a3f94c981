package dev.amsh.ops;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmsTransportException;
import dev.amsh.error.SignInException;
import dev.amsh.error.AmshException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code locator inspect}: what a streaming URL or a locator Id stands for on every context, what each origin
 * answers for it right now, and one verdict with the next step. Reads only. Written on the seam, so every context of
 * either kind: on v3 also the paths listPaths gives and the state of the streaming endpoint, which explains a 404 of
 * a stopped one.
 */
public final class LocatorInspection {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** What was asked: the locator GUID, and for a URL the host it named and the part after the GUID. */
    public record Target(String guid, String url, String host, String rest) {
        /** The file the URL asks for: the first segment after the GUID ({@code movie.ism} of {@code movie.ism/manifest}). */
        public String file() {
            if (rest == null || rest.isEmpty()) {
                return null;
            }
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }

        /** The packaging format a manifest URL asks for: smooth, or the (format=…) value. */
        public String format() {
            if (rest == null || !rest.toLowerCase(Locale.ROOT).contains(".ism/manifest")) {
                return null;
            }
            Matcher m = Pattern.compile("format=([A-Za-z0-9-]+)").matcher(rest);
            return m.find() ? m.group(1) : "smooth";
        }
    }

    /**
     * One context's view: its locator (if any) and how the service calls it ({@code type}), asset (or {@code assetGone}
     * when the locator names one that does not exist), policy name, window, the file, the paths the locator streams,
     * the streaming endpoint (v3; null on v2), and its origin's answer (the status, and for a refusal the origin's
     * one-line reason, when it gives one).
     */
    public record Side(String context, OriginLocator locator, String type, MediaAsset asset, boolean assetGone,
                       String policy, LocatorWindow window, boolean fileExists, List<String> paths, EndpointState endpoint,
                       String originUrl, String originAnswer, String originReason, String unreachable, boolean down,
                       String unread) {
        public boolean has() {
            return locator != null;
        }

        /** Whether this context's origin answered 200 for the path: the origin's answer is the truth, not the window. */
        public boolean serves() {
            return has() && "200".equals(originAnswer);
        }

        /** Why this context could not be read, without the "context NAME: " its message starts with. */
        public String problem() {
            String prefix = "context " + context + ": ";
            return unreachable == null ? null : unreachable.startsWith(prefix) ? unreachable.substring(prefix.length()) : unreachable;
        }

        /** The asset's name as people give it (its name, else what the locator names). */
        public String assetName() {
            return asset != null ? asset.name() : locator.asset();
        }

        /** A context without a locator of this GUID. */
        static Side lacking(String context) {
            return new Side(context, null, null, null, false, null, null, false, List.of(), null, null, null, null, null, false, null);
        }

        /** A context that could not be read: down (no answer, or its token endpoint unreachable) or refusing sign-in. */
        static Side unreadable(String context, AmshException why) {
            return new Side(context, null, null, null, false, null, null, false, List.of(), null, null, null, null,
                    why.getMessage(), !(why instanceof SignInException || why instanceof AmsServiceException s && s.status() < 500), null);
        }
    }

    /**
     * @param asGiven what the pasted URL itself answers now (a traffic manager or CDN in front answers for one of
     *                the origins); null when a locator Id was given
     */
    public record Report(Target target, List<Side> sides, String verdict, Answer asGiven) {
    }

    /** An origin's (or a front's) answer: the status, a refusal's one-line reason, and who served it if it says. */
    public record Answer(String status, String reason, String servedBy) {
    }

    private final OkHttpClient http;

    public LocatorInspection(OkHttpClient http) {
        this.http = http;
    }

    /** Parses a URL, a locator Id ({@code nb:lid:UUID:…}) or a bare GUID. */
    public static Target parse(String input) {
        String s = input.trim();
        HttpUrl url = HttpUrl.parse(s);
        if (url != null) {
            List<String> segments = url.pathSegments();
            for (int i = 0; i < segments.size(); i++) {
                if (GUID.matcher(segments.get(i)).matches()) {
                    String rest = String.join("/", segments.subList(i + 1, segments.size()));
                    return new Target(segments.get(i).toLowerCase(Locale.ROOT), s, url.host() + ":" + url.port(), rest);
                }
            }
            throw new AmshException("no locator GUID in the URL's path: " + s,
                    "a streaming URL looks like http://<origin>/<locator-guid>/<name>.ism/manifest");
        }
        Matcher m = GUID.matcher(s);
        if (m.find() && (s.length() == 36 || s.toLowerCase(Locale.ROOT).startsWith("nb:lid:uuid:"))) {
            return new Target(m.group().toLowerCase(Locale.ROOT), null, null, null);
        }
        throw new AmshException("'" + s + "' is neither a streaming URL nor a locator Id", "give a URL, nb:lid:UUID:<guid> or the GUID");
    }

    public Report inspect(String input, List<AccountContext> contexts, Instant now) {
        Target t = parse(input);
        UUID guid = UUID.fromString(t.guid());
        List<Side> sides = new ArrayList<>();
        for (AccountContext c : contexts) {
            try {
                sides.add(side(c.name(), c.datacenter(), guid, t, now));
            } catch (AmshException e) {
                // one context that cannot sign in or answer is that context's line; the others still answer
                sides.add(Side.unreadable(c.name(), e));
            }
        }
        String given = input.trim();
        Answer asGiven = given.startsWith("http://") || given.startsWith("https://") ? answer(given) : null;
        return new Report(t, sides, verdict(t, sides), asGiven);
    }

    private Side side(String context, Datacenter dc, UUID guid, Target t, Instant now) {
        Optional<OriginLocator> found = dc.locator(guid);
        if (found.isEmpty()) {
            return Side.lacking(context);
        }
        OriginLocator l = found.get();
        // past the locator, each read is on its own: one that fails is said, and the origin is still asked, since
        // its answer is what viewers get (a policy or asset read that failed must not turn a 200 into "not served")
        List<String> unread = new ArrayList<>();
        boolean[] gone = {false};
        MediaAsset asset = attempt(() -> dc.resolve(l.asset()), "asset", unread, e -> gone[0] = notFound(e));
        String policy = attempt(() -> dc.policyName(l), "policy", unread, e -> { });
        List<MediaFile> files = asset == null ? null : attempt(() -> dc.files(asset), "files", unread, e -> { });
        // where URLs go through an endpoint (v3), the service says the paths (listPaths); v2's is the .ism's, below
        List<String> paths = dc.can().endpoints() ? attempt(() -> dc.paths(l), "paths", unread, e -> { }) : List.of();
        EndpointState endpoint = attempt(() -> dc.streamingEndpointState().orElse(null), "endpoint", unread, e -> { });
        String file = t.file() != null ? t.file() : files == null ? null : DatacenterFailover.manifest(files);
        boolean exists = file != null && (files == null || files.stream().anyMatch(f -> f.name().equals(file)));
        String rest = t.rest() != null ? t.rest() : file == null ? "" : file.toLowerCase(Locale.ROOT).endsWith(".ism")
                ? file + "/manifest" : file;
        String base = attempt(() -> dc.originBase(l), "origin", unread, e -> { });
        String notRead = unread.isEmpty() ? null : String.join("; ", unread);
        LocatorWindow window = LocatorWindow.of(l.start(), l.end(), now);
        List<String> listed = paths == null ? List.of() : paths;
        if (base == null) {
            return new Side(context, l, dc.locatorType(), asset, gone[0], policy, window, exists, listed, endpoint,
                    null, null, null, null, false, notRead);
        }
        String url = (base.endsWith("/") ? base : base + "/") + rest;
        Answer answer = answer(url);
        return new Side(context, l, dc.locatorType(), asset, gone[0], policy, window, exists, listed, endpoint, url,
                answer.status(), answer.reason(), null, false, notRead);
    }

    /** An asset read that found nothing: v2's 404, v3's "no asset named" (a refusal that is not the network's). */
    private static boolean notFound(AmshException e) {
        return e instanceof AmsServiceException s ? s.isNotFound() : !(e instanceof AmsTransportException || e instanceof SignInException);
    }

    private static <T> T attempt(Supplier<T> read, String what, List<String> unread, Consumer<AmshException> failed) {
        try {
            return read.get();
        } catch (AmshException e) {
            failed.accept(e);
            String m = String.valueOf(e.getMessage());
            unread.add(what + " not read (" + (m.startsWith("context ") && m.contains(": ") ? m.substring(m.indexOf(": ") + 2) : m) + ")");
            return null;
        }
    }

    /** The status, the first line of a refusal's plain-text body (the origin says why it refused), who served. */
    private Answer answer(String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            String reason = null;
            String type = r.header("Content-Type", "");
            if (r.code() != 200 && type.startsWith("text/plain") && r.body() != null) {
                String first = r.body().string().strip().lines().findFirst().orElse("");
                reason = first.isEmpty() ? null : first.length() > 200 ? first.substring(0, 200) + "…" : first;
            }
            // the local pair's origins (and its front) name the datacenter that served
            return new Answer(String.valueOf(r.code()), reason, r.header("x-amsh-origin"));
        } catch (IOException e) {
            return new Answer("no answer (" + e.getClass().getSimpleName() + ")", null, null);
        }
    }

    /**
     * One line: what is wrong where, and the next step. A context serves when its origin answered 200, whatever its
     * window looks like from this clock (a locator cloned a second ago may start "in 1 second" here and serve there);
     * the window and the file only explain an origin that did not answer 200.
     */
    static String verdict(Target t, List<Side> sides) {
        List<Side> holding = sides.stream().filter(Side::has).toList();
        List<Side> unreadable = sides.stream().filter(s -> s.unreachable() != null).toList();
        if (holding.isEmpty() && !unreadable.isEmpty()) {
            return "no context that answers has locator " + t.guid() + "; "
                    + String.join("; ", unreadable.stream().map(LocatorInspection::unreadablePart).toList());
        }
        if (holding.isEmpty()) {
            return "no context has locator " + t.guid() + ": check the URL, or publish the asset again";
        }
        List<String> parts = new ArrayList<>();
        for (Side s : sides) {
            if (s.unreachable() != null) {
                parts.add(unreadablePart(s));
            } else if (!s.has()) {
                Side other = holding.get(0);
                parts.add(s.context() + " lacks locator " + t.guid() + ": run 'failover " + other.assetName()
                        + " --from " + other.context() + " --to " + s.context() + "'");
            } else if (s.serves()) {
                continue;
            } else if (s.endpoint() != null && !s.endpoint().running()) {
                parts.add(s.context() + " answers " + s.originAnswer() + " because its streaming endpoint " + s.endpoint().name()
                        + " is " + s.endpoint().resourceState() + ": start it with 'endpoints start " + s.endpoint().name()
                        + " --on " + s.context() + "'");
            } else if (s.window().state() == LocatorWindow.State.EXPIRED) {
                parts.add(s.context() + " answers " + s.originAnswer() + " because the locator " + s.window().describe());
            } else if (s.window().state() == LocatorWindow.State.PENDING) {
                parts.add(s.context() + " answers " + s.originAnswer() + " because the locator " + s.window().describe()
                        + ": wait, or move its StartTime");
            } else if (s.assetGone()) {
                parts.add(s.context() + "'s locator names asset " + s.locator().asset() + ", which " + s.context()
                        + " does not hold: remove the locator ('locators rm " + s.locator().id() + " --on " + s.context()
                        + "'), then fail over or publish again");
            } else if (!s.fileExists() && s.asset() != null) {
                parts.add(s.context() + "'s asset " + s.asset().name() + " has no file " + (t.file() == null ? "to stream (no .ism)" : t.file()));
            } else {
                parts.add(s.context() + "'s origin answers " + s.originAnswer()
                        + (s.originReason() == null ? "" : " (" + s.originReason() + ")")
                        + (s.unread() == null ? "" : "; its " + s.unread()));
            }
        }
        List<String> serving = sides.stream().filter(Side::serves).map(Side::context).toList();
        if (parts.isEmpty()) {
            return "every context serves it (" + String.join(", ", serving) + " answer 200)";
        }
        return String.join("; ", parts) + (serving.isEmpty() ? "; no context serves it now" : "; " + String.join(" and ", serving)
                + (serving.size() == 1 ? " serves" : " serve") + " it");
    }

    private static String unreadablePart(Side s) {
        return s.down() ? s.context() + " does not answer (is the datacenter down?)"
                : s.context() + " could not be read (" + s.problem() + ")";
    }
}
