package dev.amsh.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;

/**
 * Reads an Atom entry sent on create or update into the same JSON shape the JSON bodies have, so one set of
 * entity rules serves both: properties by namespace (clients pick their own prefixes), values coerced from text
 * by their Edm type, {@code m:null} as null, and {@code related/InputMediaAssets} links as the JSON body's
 * {@code __metadata} references.
 */
final class AtomReader {
    private AtomReader() {
    }

    static ObjectNode read(byte[] xml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw ServiceErrors.badBody("the request body is not a valid Atom entry: " + e.getMessage());
        }
        ObjectNode out = ODataWriter.JSON.createObjectNode();
        Element root = doc.getDocumentElement();
        if (root.getLocalName().equals("uri")) {
            // a $links body: <uri xmlns="…/dataservices">…/Assets('…')</uri>
            return out.put("uri", root.getTextContent().trim());
        }
        NodeList properties = doc.getElementsByTagNameNS(AtomWriter.METADATA, "properties");
        if (properties.getLength() > 0) {
            readProperties((Element) properties.item(0), out);
        }
        NodeList links = doc.getElementsByTagNameNS(AtomWriter.ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getAttribute("rel").equals(AtomWriter.DATA + "/related/InputMediaAssets")) {
                // the href as the JSON body's reference: the job's rules read the asset out of it
                ArrayNode inputs = out.has("InputMediaAssets") ? (ArrayNode) out.get("InputMediaAssets")
                        : out.putArray("InputMediaAssets");
                inputs.addObject().putObject("__metadata").put("uri", link.getAttribute("href"));
            }
        }
        return out;
    }

    private static void readProperties(Element properties, ObjectNode out) {
        for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !AtomWriter.DATA.equals(e.getNamespaceURI())) {
                continue;
            }
            String name = e.getLocalName();
            if ("true".equals(e.getAttributeNS(AtomWriter.METADATA, "null"))) {
                out.putNull(name);
                continue;
            }
            if (EdmTypes.COLLECTIONS.containsKey(name)) {
                ArrayNode list = out.putArray(name);
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element element) {
                        readProperties(element, list.addObject());
                    }
                }
                continue;
            }
            String text = e.getTextContent().trim();
            try {
                switch (EdmTypes.of(name)) {
                    case EdmTypes.INT32 -> out.put(name, Integer.parseInt(text));
                    case EdmTypes.INT64 -> out.put(name, Long.parseLong(text));
                    case EdmTypes.DOUBLE -> out.put(name, Double.parseDouble(text));
                    case EdmTypes.BOOLEAN -> out.put(name, Boolean.parseBoolean(text));
                    default -> out.put(name, e.getTextContent());
                }
            } catch (NumberFormatException ex) {
                throw ServiceErrors.badBody("property " + name + " is " + EdmTypes.of(name) + ", not '" + text + "'");
            }
        }
    }
}
