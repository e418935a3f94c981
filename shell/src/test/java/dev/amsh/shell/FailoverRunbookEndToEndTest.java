package dev.amsh.shell;

import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * scripts/failover.groovy on the local pair, without a prompt: sample upload, real encode, publish on a,
 * replicate to b. Both origins, fetched with plain HTTP, return the same bytes for every file of the asset.
 */
@ExtendWith(LocalPairExtension.class)
class FailoverRunbookEndToEndTest {
    static final Pattern PATH = Pattern.compile("(Original|Replicated) Locator Path: (http://\\S+)");

    @Test
    void theRunbookReplicatesAnEncodedAssetByteForByte(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        Path script = Path.of(System.getProperty("amsh.home"), "scripts", "failover.groovy");

        f.session.scripts().runFile(script, List.of());

        String out = f.output();
        Matcher m = PATH.matcher(out);
        assertTrue(m.find(), out);
        String original = m.group(2);
        assertTrue(m.find(), out);
        String replicated = m.group(2);
        assertTrue(original.endsWith(".ism/manifest"), original);
        String path = URI.create(original).getPath();
        assertEquals(path, URI.create(replicated).getPath(), "the URLs differ only by host");
        assertNotEquals(URI.create(original).getAuthority(), URI.create(replicated).getAuthority());

        String guid = path.split("/")[1];
        AccountContext b = f.session.contexts().get("b");
        Locator replica = b.ams().findLocator(guid).orElseThrow();
        List<AssetFile> files = b.ams().listFiles(replica.assetId());
        assertTrue(files.stream().filter(x -> x.name().endsWith(".mp4") && !x.name().contains("AACAudio")).count() >= 3,
                "a ladder of at least three video bitrates: " + files);
        assertTrue(files.stream().anyMatch(x -> x.name().endsWith("_AACAudio_128_Audio1.mp4")));
        HttpClient http = HttpClient.newHttpClient();
        String baseA = original.substring(0, original.indexOf(guid) + guid.length() + 1);
        String baseB = replicated.substring(0, replicated.indexOf(guid) + guid.length() + 1);
        for (AssetFile file : files) {
            byte[] fromA = http.send(HttpRequest.newBuilder(URI.create(baseA + file.name())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpResponse<byte[]> fromB = http.send(HttpRequest.newBuilder(URI.create(baseB + file.name())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, fromB.statusCode(), file.name());
            assertEquals(file.contentFileSize(), fromA.length, file.name());
            assertTrue(Arrays.equals(fromA, fromB.body()), "same bytes for " + file.name());
        }
        HttpResponse<String> manifestA = http.send(HttpRequest.newBuilder(URI.create(original)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> manifestB = http.send(HttpRequest.newBuilder(URI.create(replicated)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, manifestA.statusCode());
        assertTrue(manifestA.body().contains("<SmoothStreamingMedia"), manifestA.body());
        assertEquals(manifestA.body(), manifestB.body());
        assertTrue(b.ams().listLocators(dev.amsh.ams.Query.all()).stream()
                .noneMatch(l -> l.assetId().equals(replica.assetId()) && l.sas()), "write SAS removed");
    }
}
