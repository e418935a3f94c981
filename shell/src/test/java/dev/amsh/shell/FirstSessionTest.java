package dev.amsh.shell;

import dev.amsh.datacenter.MediaAsset;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.ops.Encode;
import dev.amsh.ops.Publishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * README's first session as typed: the encode's result names its output asset, so publishing it needs no
 * listing (which after a second encode would pick the wrong asset); --output names the output.
 */
@ExtendWith(LocalPairExtension.class)
class FirstSessionTest {
    @Test
    void encodeGivesItsOutputToPublishAndOutputNamesIt(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String movie = "movie-" + UUID.randomUUID().toString().substring(0, 6);
        f.session.execute("upload --sample --asset " + movie);
        f.session.execute("e = encode " + movie);
        Encode.Result e = (Encode.Result) f.session.variables().get("e");
        assertEquals(movie + " - encoded", e.output().name(), "named after the input, as the service's tools did");

        f.take();
        f.session.execute("encode " + movie + " --output '" + movie + " hd' -o json");
        String json = f.take();
        assertTrue(json.strip().startsWith("{") && json.contains("\"" + movie + " hd\""), "-o still sets the format: " + json);
        MediaAsset hd = ((Encode.Result) f.session.variables().get("_")).output();
        assertEquals(movie + " hd", hd.name());

        f.session.execute("p = publish ${e.output.id}");
        Publishing.Published p = (Publishing.Published) f.session.variables().get("p");
        assertEquals(e.output().id(), p.locator().asset(), "the first encode's output is published, not the newest asset");
        assertNotEquals(hd.id(), p.locator().asset());
    }
}
