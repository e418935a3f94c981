package dev.amsh.context;

import dev.amsh.error.AmshException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the documented procedure's App.config appSettings: the …Source keys become context a, the …Target
 * keys context b (ACS sign-in with account name and key, storage account name and key).
 */
public final class AppConfigImport {
    private AppConfigImport() {
    }

    public static Map<String, ContextConfig> read(Path file) {
        Map<String, String> settings = new HashMap<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(SILENT); // the parser's own "[Fatal Error]" line on stderr; our one line says it
            NodeList adds = builder.parse(file.toFile()).getElementsByTagName("add");
            for (int i = 0; i < adds.getLength(); i++) {
                Element e = (Element) adds.item(i);
                settings.put(e.getAttribute("key"), e.getAttribute("value").trim());
            }
        } catch (Exception e) {
            throw new AmshException("cannot read " + file + " as an App.config: " + firstLine(e.getMessage()),
                    "give the App.config of the failover sample (an <appSettings> with <add key value/>)");
        }
        Map<String, ContextConfig> out = new LinkedHashMap<>();
        out.put("a", side(settings, "Source", file));
        out.put("b", side(settings, "Target", file));
        return out;
    }

    private static ContextConfig side(Map<String, String> s, String suffix, Path file) {
        String name = require(s, "MediaServicesAccountName" + suffix, file);
        String key = require(s, "MediaServicesAccountKey" + suffix, file);
        String storage = require(s, "MediaServicesStorageAccountName" + suffix, file);
        String storageKey = require(s, "MediaServicesStorageAccountKey" + suffix, file);
        SecretRef.refuseMask(key, file.getFileName() + "'s MediaServicesAccountKey" + suffix);
        SecretRef.refuseMask(storageKey, file.getFileName() + "'s MediaServicesStorageAccountKey" + suffix);
        return new ContextConfig("https://media.windows.net/api/", ContextConfig.Auth.acs(name, key, null),
                new ContextConfig.Storage(storage, storageKey, null, null), "imported from " + file.getFileName());
    }

    private static String require(Map<String, String> s, String key, Path file) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            throw new AmshException(file + " has no appSettings key " + key, "add it, as in the failover sample");
        }
        if (isPlaceholder(v)) {
            throw new AmshException(file.getFileName() + " still holds the sample's placeholder for " + key + " ('" + v + "')",
                    "put your account's value there first; nothing was imported");
        }
        return v;
    }

    /** The sample's values read "Media-Services-Account-Name-Source" and the like; people also leave "<…>" or "…". */
    static boolean isPlaceholder(String v) {
        String t = v.trim();
        return t.matches("(?i)media-services-.*-(source|target)") || (t.startsWith("<") && t.endsWith(">"))
                || t.contains("...") || t.contains("…") || t.equalsIgnoreCase("xxx") || t.matches("(?i)your[-_ ].*");
    }

    private static String firstLine(String m) {
        String s = String.valueOf(m);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
