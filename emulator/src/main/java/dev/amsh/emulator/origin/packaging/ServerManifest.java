package dev.amsh.emulator.origin.packaging;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The server manifest ({@code .ism}, SMIL): the files of the ladder with their bitrates and track names. */
record ServerManifest(List<Entry> entries) {

    /** One {@code <video>} or {@code <audio>} of the {@code <switch>}. */
    record Entry(String src, TrackIndex.Kind kind, long bitrate, String trackName, String language) {
    }

    static ServerManifest parse(String name, byte[] xml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Mp4FormatException(name + " is not a server manifest (SMIL): " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        for (String tag : List.of("video", "audio")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                TrackIndex.Kind kind = tag.equals("video") ? TrackIndex.Kind.VIDEO : TrackIndex.Kind.AUDIO;
                String src = e.getAttribute("src");
                if (src.isEmpty() || src.contains("/")) {
                    throw new Mp4FormatException(name + ": a <" + tag + "> has no usable src");
                }
                String bitrate = firstNonEmpty(e.getAttribute("systemBitrate"), param(e, "systemBitrate"));
                String trackName = firstNonEmpty(param(e, "trackName"), tag);
                String language = firstNonEmpty(e.getAttribute("systemLanguage"), "und");
                long bps;
                try {
                    bps = Long.parseLong(bitrate);
                } catch (NumberFormatException ex) {
                    throw new Mp4FormatException(name + ": " + src + " has no systemBitrate");
                }
                entries.add(new Entry(src, kind, bps, trackName.toLowerCase(Locale.ROOT), language));
            }
        }
        if (entries.isEmpty()) {
            throw new Mp4FormatException(name + " lists no <video> or <audio>");
        }
        return new ServerManifest(List.copyOf(entries));
    }

    private static String param(Element e, String param) {
        NodeList children = e.getElementsByTagName("param");
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (param.equals(((Element) n).getAttribute("name"))) {
                return ((Element) n).getAttribute("value");
            }
        }
        return "";
    }

    private static String firstNonEmpty(String a, String b) {
        return a == null || a.isEmpty() ? b : a;
    }
}
