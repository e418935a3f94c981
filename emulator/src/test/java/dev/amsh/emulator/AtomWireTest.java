package dev.amsh.emulator;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The API in Atom, on the wire, read back by a strict namespace-aware XML reader: entries and feeds as the
 * service wrote them, Atom bodies with any prefixes, MERGE through POST, errors with their codes, and $batch.
 */
@ExtendWith(LocalPairExtension.class)
class AtomWireTest {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String D = "http://schemas.microsoft.com/ado/2007/08/dataservices";
    static final String M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";

    HttpResponse<String> atom(RawClient c, String method, String resource, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.dc.clusterApiRoot() + resource))
                .header("Accept", "application/atom+xml").header("DataServiceVersion", "3.0").header("x-ms-version", "2.17")
                .header("Authorization", "Bearer " + c.token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (method.equals("MERGE")) {
            b.method("POST", HttpRequest.BodyPublishers.ofString(body)).header("X-HTTP-Method", "MERGE");
        }
        return c.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String property(Element entry, String name) {
        NodeList n = entry.getElementsByTagNameNS(D, name);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    @Test
    void entriesFeedsBodiesMergeErrorsAndBatchInAtom(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("a"));
        String name = "atom-" + UUID.randomUUID();
        // a create with the prefixes a JAXB client picks, no m:type, typed values from text
        String entry = "<?xml version=\"1.0\"?><ns2:entry xmlns:ns2=\"" + ATOM + "\" xmlns:ns3=\"" + D + "\"><ns2:content type=\"application/xml\">"
                + "<ns4:properties xmlns:ns4=\"" + M + "\"><ns3:Name>" + name + "</ns3:Name><ns3:AlternateId ns4:null=\"true\"/>"
                + "<ns3:Options>0</ns3:Options></ns4:properties></ns2:content></ns2:entry>";
        HttpResponse<String> created = atom(c, "POST", "Assets", "application/atom+xml", entry);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("application/atom+xml;type=entry;charset=utf-8", created.headers().firstValue("Content-Type").orElse(""));
        Element e = xml(created.body()).getDocumentElement();
        assertEquals(ATOM, e.getNamespaceURI());
        assertEquals("entry", e.getLocalName());
        String id = property(e, "Id");
        String key = "Assets('" + id.replace(":", "%3A") + "')";
        assertEquals(c.dc.clusterApiRoot() + key, e.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
        assertEquals("Microsoft.Cloud.Media.Vod.Rest.Data.Models.Asset",
                ((Element) e.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"));
        NodeList links = e.getElementsByTagNameNS(ATOM, "link");
        boolean edit = false;
        boolean files = false;
        for (int i = 0; i < links.getLength(); i++) {
            Element l = (Element) links.item(i);
            assertFalse(l.getAttribute("rel").isEmpty(), "every link has a rel");
            edit |= l.getAttribute("rel").equals("edit") && l.getAttribute("href").equals(key);
            files |= l.getAttribute("rel").equals(D + "/related/Files") && l.getAttribute("href").equals(key + "/Files");
        }
        assertTrue(edit && files, "an edit link and related links relative to the API root: " + created.body());
        Element state = (Element) e.getElementsByTagNameNS(D, "State").item(0);
        assertEquals("Edm.Int32", state.getAttributeNS(M, "type"));
        assertEquals("0", state.getTextContent());
        assertEquals("true", ((Element) e.getElementsByTagNameNS(D, "AlternateId").item(0)).getAttributeNS(M, "null"));

        // MERGE through POST; a Content-Type on a body-less GET is not refused
        assertEquals(204, atom(c, "MERGE", key, "application/atom+xml", entry.replace("<ns3:AlternateId ns4:null=\"true\"/>",
                "<ns3:AlternateId>merged</ns3:AlternateId>")).statusCode());
        HttpResponse<String> got = atom(c, "GET", key, "application/atom+xml", null);
        assertEquals("merged", property(xml(got.body()).getDocumentElement(), "AlternateId"));

        // a feed, with $filter
        HttpResponse<String> feed = atom(c, "GET", "Assets?$filter=Name%20eq%20'" + name + "'", null, null);
        assertEquals("application/atom+xml;type=feed;charset=utf-8", feed.headers().firstValue("Content-Type").orElse(""));
        Element f = xml(feed.body()).getDocumentElement();
        assertEquals("feed", f.getLocalName());
        assertEquals(1, f.getElementsByTagNameNS(ATOM, "entry").getLength());

        // errors: the OData XML error body with the service's code
        HttpResponse<String> missing = atom(c, "GET", "Assets('nb%3Acid%3AUUID%3A" + UUID.randomUUID() + "')", null, null);
        assertEquals(404, missing.statusCode());
        Element error = xml(missing.body()).getDocumentElement();
        assertEquals(M, error.getNamespaceURI());
        assertEquals("ResourceNotFound", error.getElementsByTagNameNS(M, "code").item(0).getTextContent());
        HttpResponse<String> badType = atom(c, "POST", "AccessPolicies", "application/atom+xml", entry.replace("<ns3:Options>0</ns3:Options>",
                "<ns3:DurationInMinutes>soon</ns3:DurationInMinutes>"));
        assertEquals(400, badType.statusCode());
        assertTrue(badType.body().contains("<m:code>InvalidRequestBody</m:code>") && badType.body().contains("Edm.Double"), badType.body());

        // $batch: a job whose input is missing answers 202 with the error inside its part
        String batch = "--batch_x\r\nContent-Type: multipart/mixed; boundary=changeset_y\r\n\r\n--changeset_y\r\n"
                + "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nPOST " + c.dc.clusterApiRoot()
                + "Jobs HTTP/1.1\r\nContent-Type: application/atom+xml;type=entry\r\nContent-ID: 1\r\n\r\n<entry xmlns=\"" + ATOM
                + "\"><link rel=\"" + D + "/related/InputMediaAssets\" href=\"" + c.dc.clusterApiRoot() + "/Assets('nb:cid:UUID:"
                + UUID.randomUUID() + "')\"/><content type=\"application/xml\"><m:properties xmlns:m=\"" + M + "\" xmlns:d=\"" + D
                + "\"><d:Name>j</d:Name></m:properties></content></entry>\r\n--changeset_y\r\nContent-Type: application/http\r\n\r\nPOST "
                + c.dc.clusterApiRoot() + "$1/Tasks HTTP/1.1\r\nContent-Type: application/atom+xml;type=entry\r\nContent-ID: 2\r\n\r\n<entry xmlns=\""
                + ATOM + "\"><content type=\"application/xml\"><m:properties xmlns:m=\"" + M + "\" xmlns:d=\"" + D
                + "\"><d:MediaProcessorId>nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56</d:MediaProcessorId></m:properties></content></entry>"
                + "\r\n--changeset_y--\r\n--batch_x--\r\n";
        HttpResponse<String> answer = atom(c, "POST", "$batch", "multipart/mixed; boundary=batch_x", batch);
        assertEquals(202, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("multipart/mixed; boundary=batchresponse_"));
        assertTrue(answer.body().contains("HTTP/1.1 404 Error") && answer.body().contains("ResourceNotFound"), answer.body());

        // JSON verbose: keys percent-encoded in __metadata, and a code on every error
        RawClient.Reply json = c.call("GET", key, null);
        assertEquals(c.dc.clusterApiRoot() + key, json.d().path("__metadata").path("uri").asText());
        assertEquals(c.dc.clusterApiRoot() + key + "/Files", json.d().path("Files").path("__deferred").path("uri").asText());
        assertEquals("MethodNotAllowed", c.call("PUT", "Assets", "{}").body().path("error").path("code").asText());
    }

    @Test
    void propertyPathsOrderByAndInlineCount(LocalPair pair) throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get("b"));
        String prefix = "ord-" + UUID.randomUUID().toString().substring(0, 8);
        String id = null;
        for (String n : new String[] {"b", "c", "a"}) {
            id = c.createAsset(prefix + "-" + n, 0);
        }
        String key = "Assets('" + id.replace(":", "%3A") + "')";
        assertEquals(0, c.call("GET", key + "/State", null).d().path("State").asInt(-1), "JSON verbose: {d:{State:0}}");
        assertEquals(prefix + "-a", xml(atom(c, "GET", key + "/Name", null, null).body()).getDocumentElement().getTextContent());
        assertEquals(404, c.call("GET", key + "/Colour", null).status());

        RawClient.Reply sorted = c.call("GET", "Assets?$filter=startswith(Name,'" + prefix + "')&$orderby=Name%20desc&$top=2&$inlinecount=allpages", null);
        assertEquals("3", sorted.d().path("__count").asText(), "the count before paging");
        assertEquals(prefix + "-c", sorted.d().path("results").get(0).path("Name").asText());
        assertEquals(prefix + "-b", sorted.d().path("results").get(1).path("Name").asText());
        assertEquals(400, c.call("GET", "Assets?$orderby=Colour", null).status());
        RawClient.Reply selected = c.call("GET", "Assets?$filter=startswith(Name,'" + prefix + "')&$select=Name", null);
        var first = selected.d().path("results").get(0);
        // what was selected alone: the Id only in __metadata's uri, as the service answered
        assertTrue(first.has("Name") && !first.has("Id") && !first.has("State") && !first.has("Created")
                && first.path("__metadata").path("uri").asText().contains("Assets('nb%3Acid%3AUUID%3A"), first.toString());
        assertEquals(400, c.call("GET", "Assets?$select=Colour", null).status());

        // $links: a parent asset linked (XML body, as the SDK sends it), then listed in JSON and XML
        String parent = c.createAsset("parent-of-" + prefix, 0);
        HttpResponse<String> linked = atom(c, "POST", key + "/$links/ParentAssets", "application/xml",
                "<?xml version=\"1.0\"?><uri xmlns=\"" + D + "\">" + c.dc.clusterApiRoot() + "Assets('" + parent + "')</uri>");
        assertEquals(204, linked.statusCode(), linked.body());
        String parentUri = c.dc.clusterApiRoot() + "Assets('" + parent.replace(":", "%3A") + "')";
        assertEquals(parentUri, c.call("GET", key + "/$links/ParentAssets", null).d().path("results").get(0).path("uri").asText());
        Document linksXml = xml(atom(c, "GET", key + "/$links/ParentAssets", null, null).body());
        assertEquals(parentUri, linksXml.getElementsByTagNameNS(D, "uri").item(0).getTextContent());
        assertEquals(parent, c.call("GET", key + "/ParentAssets", null).d().path("results").get(0).path("Id").asText());
        assertEquals(404, atom(c, "POST", key + "/$links/ContentKeys", "application/xml", "<uri xmlns=\"" + D + "\">x</uri>").statusCode());

        // $expand: the parent inline, in JSON verbose and in Atom (inside its link)
        RawClient.Reply expanded = c.call("GET", key + "?$expand=ParentAssets,Files", null);
        assertEquals(parent, expanded.d().path("ParentAssets").path("results").get(0).path("Id").asText(), expanded.text());
        assertTrue(expanded.d().path("Files").path("results").isArray(), expanded.text());
        assertTrue(expanded.d().path("Locators").has("__deferred"), "what is not expanded stays deferred");
        Element inlined = xml(atom(c, "GET", key + "?$expand=ParentAssets", null, null).body()).getDocumentElement();
        Element inline = (Element) inlined.getElementsByTagNameNS(M, "inline").item(0);
        assertEquals(parent, property((Element) inline.getElementsByTagNameNS(ATOM, "entry").item(0), "Id"));
        assertEquals(400, c.call("GET", "Assets?$expand=Colour", null).status());

        // as the documentation's samples show: assets in version 1 with \/Date(…)\/, jobs in version 3 with ISO dates
        HttpResponse<String> asset = c.http.send(HttpRequest.newBuilder(URI.create(c.dc.clusterApiRoot() + key))
                .header("Accept", "application/json;odata=verbose").header("DataServiceVersion", "3.0")
                .header("MaxDataServiceVersion", "3.0").header("x-ms-version", "2.19").header("Authorization", "Bearer " + c.token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("1.0;", asset.headers().firstValue("DataServiceVersion").orElse(""));
        assertTrue(asset.body().contains("\"Created\":\"\\/Date("), asset.body());
        RawClient.Reply job = c.call("POST", "Jobs", "{\"Name\":\"iso\",\"InputMediaAssets\":[{\"__metadata\":{\"uri\":\""
                + c.dc.clusterApiRoot() + key + "\"}}],\"Tasks\":[{\"Configuration\":\"Adaptive Streaming\",\"MediaProcessorId\":\""
                + "nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56\",\"TaskBody\":\"<taskBody/>\"}]}");
        assertEquals(201, job.status(), job.text());
        assertTrue(job.d().path("Created").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), job.text());
        assertTrue(job.d().path("JobNotificationSubscriptions").path("results").isArray(), job.text());

        // a SAS locator's path carries its window (st, se) beside the stored policy's si, and uploads work through it
        String policy = c.createPolicy(2, 60);
        String path = c.createLocator(id, policy, 1, null).d().path("Path").asText();
        assertTrue(path.matches(".*[?&]st=\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\dZ.*")
                || path.contains("&se=") && !path.contains("st="), path);
        assertTrue(path.matches(".*[?&]se=\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\dZ.*") && path.contains("si="), path);
        new BlobContainerClientBuilder().endpoint(path)
                .httpClient(new OkHttpAsyncHttpClientBuilder().build()).buildClient()
                .getBlobClient("through-sas.txt").upload(BinaryData.fromString("hello"));
        String feed = atom(c, "GET", "Assets?$filter=startswith(Name,'" + prefix + "')&$inlinecount=allpages", null, null).body();
        assertEquals("3", xml(feed).getDocumentElement().getElementsByTagNameNS(M, "count").item(0).getTextContent());
    }
}
