package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API's answers in Atom, as the service wrote them for clients that asked for {@code application/atom+xml}
 * (the Java SDK asks for nothing else): {@code <entry>} and {@code <feed>} in the Atom, OData data and metadata
 * namespaces, an edit link and one {@code related/{Navigation}} link per navigation property with hrefs relative
 * to the API root, the entity's category, and {@code m:properties} with typed values and {@code m:null}.
 */
public final class AtomWriter implements EntityWriter {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DATA = "http://schemas.microsoft.com/ado/2007/08/dataservices";
    static final String METADATA = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
    private static final String NAMESPACES = " xmlns=\"" + ATOM + "\" xmlns:d=\"" + DATA + "\" xmlns:m=\"" + METADATA + "\"";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private final String root;

    public AtomWriter(String root) {
        this.root = root;
    }

    @Override
    public String entityContentType() {
        return "application/atom+xml;type=entry;charset=utf-8";
    }

    @Override
    public String collectionContentType() {
        return "application/atom+xml;type=feed;charset=utf-8";
    }

    @Override
    public String errorContentType() {
        return "application/xml;charset=utf-8";
    }

    @Override
    public String single(String set, ObjectNode entity) {
        return DECLARATION + entry(set, entity, true);
    }

    @Override
    public String collection(String set, List<ObjectNode> entities, Long count) {
        StringBuilder sb = new StringBuilder(DECLARATION).append("<feed xml:base=\"").append(xml(root)).append('"')
                .append(NAMESPACES).append("><id>").append(xml(root + set)).append("</id><title type=\"text\">").append(set)
                .append("</title><updated>").append(Instant.EPOCH).append("</updated><link rel=\"self\" title=\"").append(set)
                .append("\" href=\"").append(set).append("\" />");
        if (count != null) {
            sb.append("<m:count>").append(count).append("</m:count>");
        }
        entities.forEach(e -> sb.append(entry(set, e, false)));
        return sb.append("</feed>").toString();
    }

    @Override
    public String property(String name, JsonNode value) {
        StringBuilder sb = new StringBuilder();
        property(sb, name, value);
        // the property element is the document: it declares the namespaces it uses
        return DECLARATION + sb.toString().replaceFirst("^<d:" + name, "<d:" + name + " xmlns:d=\"" + DATA + "\" xmlns:m=\"" + METADATA + "\"");
    }

    @Override
    public String links(String set, String navigation, List<String> uris, boolean single) {
        if (single && !uris.isEmpty()) {
            return DECLARATION + "<uri xmlns=\"" + DATA + "\">" + xml(uris.get(0)) + "</uri>";
        }
        StringBuilder sb = new StringBuilder(DECLARATION).append("<links xmlns=\"").append(DATA).append("\">");
        uris.forEach(u -> sb.append("<uri>").append(xml(u)).append("</uri>"));
        return sb.append("</links>").toString();
    }

    @Override
    public String linksContentType() {
        return "application/xml;charset=utf-8";
    }

    @Override
    public String propertyContentType() {
        return "application/xml;charset=utf-8";
    }

    @Override
    public String error(String code, String message) {
        return DECLARATION + "<m:error xmlns:m=\"" + METADATA + "\"><m:code>" + xml(code) + "</m:code><m:message xml:lang=\"en-US\">"
                + xml(message) + "</m:message></m:error>";
    }

    private String entry(String set, ObjectNode entity, boolean root) {
        String key = EntityWriter.keyPath(set, entity.path("Id").asText());
        String type = ODataWriter.TYPES.getOrDefault(set, set);
        StringBuilder sb = new StringBuilder("<entry");
        if (root) {
            sb.append(" xml:base=\"").append(xml(this.root)).append('"').append(NAMESPACES);
        }
        sb.append("><id>").append(xml(this.root + key)).append("</id>")
                .append("<category term=\"Microsoft.Cloud.Media.Vod.Rest.Data.Models.").append(type)
                .append("\" scheme=\"http://schemas.microsoft.com/ado/2007/08/dataservices/scheme\" />")
                .append("<link rel=\"edit\" title=\"").append(type).append("\" href=\"").append(xml(key)).append("\" />");
        JsonNode expanded = entity.path(Expand.FIELD);
        for (String nav : ODataWriter.NAVIGATION.getOrDefault(set, List.of())) {
            boolean single = set.equals("Locators");
            sb.append("<link rel=\"").append(DATA).append("/related/").append(nav).append("\" type=\"application/atom+xml;type=")
                    .append(single ? "entry" : "feed").append("\" title=\"").append(nav).append("\" href=\"")
                    .append(xml(key + "/" + nav)).append('"');
            JsonNode inline = expanded.get(nav);
            if (inline == null) {
                sb.append(" />");
                continue;
            }
            // $expand: the related entities inside the link
            String target = inline.path("set").asText();
            sb.append("><m:inline>");
            if (!single) {
                sb.append("<feed><title type=\"text\">").append(nav).append("</title><id>").append(xml(this.root + key + "/" + nav))
                        .append("</id><updated>").append(Instant.EPOCH).append("</updated>");
            }
            inline.path("entities").forEach(e -> sb.append(entry(target, (ObjectNode) e, false)));
            sb.append(single ? "" : "</feed>").append("</m:inline></link>");
        }
        String updated = entity.path("LastModified").isTextual() ? entity.path("LastModified").asText() : Instant.EPOCH.toString();
        sb.append("<title /><updated>").append(updated).append("</updated><author><name /></author>")
                .append("<content type=\"application/xml\"><m:properties>");
        entity.fields().forEachRemaining(f -> {
            if (!f.getKey().startsWith("_")) {
                property(sb, f.getKey(), f.getValue());
            }
        });
        return sb.append("</m:properties></content></entry>").toString();
    }

    private static void property(StringBuilder sb, String name, JsonNode value) {
        String collection = EdmTypes.COLLECTIONS.get(name);
        if (collection != null || value.isArray()) {
            sb.append("<d:").append(name).append(" m:type=\"Collection(").append(collection == null ? "Edm.String" : collection)
                    .append(")\">");
            for (JsonNode element : value) {
                sb.append("<d:element>");
                if (element.isObject()) {
                    for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) element::fields) {
                        property(sb, f.getKey(), f.getValue());
                    }
                } else {
                    sb.append(xml(element.asText()));
                }
                sb.append("</d:element>");
            }
            sb.append("</d:").append(name).append('>');
            return;
        }
        String type = EdmTypes.of(name);
        sb.append("<d:").append(name);
        if (!type.equals("Edm.String")) {
            sb.append(" m:type=\"").append(type).append('"');
        }
        if (value == null || value.isNull()) {
            sb.append(" m:null=\"true\" />");
            return;
        }
        String text = value.asText();
        if (type.equals(EdmTypes.DOUBLE) && value.isNumber() && value.canConvertToLong()
                && value.asDouble() == Math.rint(value.asDouble())) {
            text = String.valueOf(value.asDouble()); // 60 as 60.0, as Edm.Double reads
        }
        sb.append('>').append(xml(text)).append("</d:").append(name).append('>');
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
