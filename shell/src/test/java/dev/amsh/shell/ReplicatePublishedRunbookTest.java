package dev.amsh.shell;

import com.azure.core.util.BinaryData;
import dev.amsh.ams.Query;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Locator;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.ops.Publish;
import dev.amsh.ops.RegisterFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** scripts/replicate-published.groovy: every published asset of a that b lacks, and nothing twice. */
@ExtendWith(LocalPairExtension.class)
class ReplicatePublishedRunbookTest {
    @Test
    void replicatesWhatBLacksAndARerunFindsNothingLeft(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        AccountContext a = f.session.contexts().get("a");
        AccountContext b = f.session.contexts().get("b");
        String prefix = "pub-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 2; i++) {
            Asset asset = a.ams().createAsset(prefix + i, 0, null);
            a.storage().container(asset.containerName()).getBlobClient("clip.ism").upload(BinaryData.fromString("<smil/>"));
            RegisterFiles.run(a.ams(), asset.id());
            new Publish(Clock.systemUTC()).publish(a.ams(), asset.id(), 30, null);
        }
        Path script = Path.of(System.getProperty("amsh.home"), "scripts", "replicate-published.groovy");

        f.session.scripts().runFile(script, List.of());

        String out = f.take();
        assertTrue(out.contains("replicated " + prefix + "0") && out.contains("replicated " + prefix + "1"), out);
        for (Locator l : a.ams().listLocators(Query.all()).toList()) {
            if (l.type() == Locator.ON_DEMAND_ORIGIN) {
                assertTrue(b.ams().findLocator(l.id()).isPresent(), "b has " + l.id());
            }
        }
        f.session.scripts().runFile(script, List.of());
        assertTrue(f.take().startsWith("0 origin locator(s) of 0 published asset(s) on a are missing on b"));
    }
}
