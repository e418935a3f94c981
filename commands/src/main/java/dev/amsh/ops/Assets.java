package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.error.AmsServiceException;
import dev.amsh.error.AmshException;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finding assets: by Id or by name, and listing with a name glob and an OData filter. */
public final class Assets {
    private Assets() {
    }

    /** The asset an argument names: an Id in any form, or an exact, unique name. */
    public static Asset resolve(AmsClient ams, String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            throw new AmshException("an asset name or Id is required", "list assets with 'assets ls'");
        }
        String given = nameOrId.trim();
        if (given.matches("(?i)https?://.*")) {
            return ofStreamingUrl(ams, given);
        }
        if (given.matches("(?i)nb:lid:uuid:.*")) {
            return ofLocator(ams, given, given);
        }
        if (EntityIds.looksLikeId(given)) {
            if (!given.matches("(?i)(nb:cid:uuid:)?\\{?[0-9a-f-]{36}}?")) {
                EntityIds.normalize("cid", given); // an Id of another kind: refused with its own message
            }
            try {
                return ams.getAsset(given);
            } catch (AmsServiceException e) {
                if (!e.isNotFound() || given.toLowerCase().startsWith("nb:")) {
                    throw e;
                }
                // a bare GUID that is no asset may be a locator GUID, as pasted from a streaming URL
                return ams.findLocator(EntityIds.newId("lid", java.util.UUID.fromString(EntityIds.guidOf(given))))
                        .map(l -> ams.getAsset(l.assetId()))
                        .orElseThrow(() -> new AmshException("no asset or locator " + given + " on " + ams.contextName(),
                                "list assets with 'assets ls' and locators with 'locators ls'"));
            }
        }
        if (given.matches("(?i)nb:[a-z]+:.*")) {
            throw new AmshException("'" + given + "' is not a valid Id: an Id is nb:<kind>:UUID: and a GUID "
                    + "(8-4-4-4-12 hex digits)", "copy the Id whole from 'assets ls', or give the asset's name");
        }
        List<Asset> found = ams.listAssets(Query.filter("Name eq " + Query.literal(nameOrId)).top(4)).toList();
        if (found.isEmpty()) {
            throw new AmshException("no asset named '" + nameOrId + "' on " + ams.contextName(),
                    "list assets with 'assets ls --name \"" + nameOrId + "*\"" + "'");
        }
        if (found.size() > 1) {
            throw new AmshException("more than one asset on " + ams.contextName() + " is named '" + nameOrId + "': "
                    + found.stream().limit(3).map(Asset::id).collect(Collectors.joining(", ")) + (found.size() > 3 ? ", …" : ""),
                    "give the Id of the one you mean");
        }
        return found.get(0);
    }

    /** The asset a streaming URL plays: its first path segment is the origin locator's GUID. */
    static Asset ofStreamingUrl(AmsClient ams, String url) {
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(url);
        String guid = u == null || u.pathSegments().isEmpty() ? "" : u.pathSegments().get(0);
        if (!guid.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new AmshException("'" + url + "' is not a streaming URL: its path does not start with a locator GUID",
                    "give the asset's name or Id, or a URL like http://origin/<locator-guid>/<name>.ism/manifest");
        }
        return ofLocator(ams, "nb:lid:UUID:" + guid.toLowerCase(), url);
    }

    private static Asset ofLocator(AmsClient ams, String locatorId, String given) {
        return ams.findLocator(locatorId).map(l -> ams.getAsset(l.assetId()))
                .orElseThrow(() -> new AmshException("'" + given + "' names locator " + EntityIds.normalize("lid", locatorId)
                        + ", which does not exist on " + ams.contextName(),
                        "is it another context's URL? try --on with the other context, or 'locators ls'"));
    }

    /**
     * Lists assets. A glob that is a plain prefix ({@code name*}) becomes a server-side startswith filter;
     * any other glob is matched here, after the server's filter.
     */
    public static List<Asset> list(AmsClient ams, String glob, String filter, Integer top) {
        String serverFilter = filter;
        Pattern clientSide = null;
        if (glob != null && !glob.isBlank() && !glob.equals("*")) {
            String prefix = glob.endsWith("*") ? glob.substring(0, glob.length() - 1) : null;
            if (prefix != null && !prefix.contains("*") && !prefix.contains("?")) {
                serverFilter = and(serverFilter, "startswith(Name," + Query.literal(prefix) + ")");
            } else if (!glob.contains("*") && !glob.contains("?")) {
                serverFilter = and(serverFilter, "Name eq " + Query.literal(glob));
            } else {
                clientSide = globPattern(glob);
            }
        }
        Query q = new Query(serverFilter, clientSide == null ? top : null);
        if (clientSide == null) {
            return ams.listAssets(q).toList();
        }
        Pattern p = clientSide;
        return ams.listAssets(q).stream().filter(a -> a.name() != null && p.matcher(a.name()).matches())
                .limit(top == null ? Long.MAX_VALUE : top).collect(Collectors.toList());
    }

    private static String and(String a, String b) {
        return a == null || a.isBlank() ? b : "(" + a + ") and " + b;
    }

    public static Pattern globPattern(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }
}
