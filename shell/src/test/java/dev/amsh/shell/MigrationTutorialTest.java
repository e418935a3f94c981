package dev.amsh.shell;

import dev.amsh.datacenter.OriginLocator;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.error.AmshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code tutorial --v3} walks the v2 → v3 migration on a mixed pair: b ends with a streaming locator whose
 * streamingLocatorId is a's GUID, the two URLs differ only by host and serve the same bytes; on a v2 pair it is
 * refused in one line.
 */
class MigrationTutorialTest {
    @Test
    void walksTheMigrationOnAMixedPair(@TempDir Path data) throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())
                .withKinds(List.of(DatacenterKind.V2, DatacenterKind.V3))).start()) {
            ShellFixture f = new ShellFixture(pair, null, data);
            f.session.execute("tutorial --v3");
            assertTrue(f.take().startsWith("step 1 of 6: Upload a mezzanine file into datacenter a (v2)"));
            for (int i = 0; i < 6; i++) {
                f.session.execute("tutorial --v3 next");
            }
            String out = f.take();
            assertTrue(out.contains("a: +1 asset, +1 blob, +1 file"), "the upload on a: " + out);
            assertTrue(out.contains("b: +1 asset, +1 locator"), "the failover made b's replica and its locator: " + out);
            assertTrue(out.contains("skipped"), "the steps v3 has not say why: " + out);
            assertTrue(out.contains("paths equal; b answers 200; bytes equal ("), "the payoff: " + out);
            f.session.execute("tutorial --v3");
            String done = f.take();
            assertTrue(done.startsWith("tutorial --v3 done: "), done);
            String replica = done.substring("tutorial --v3 done: ".length(), done.indexOf(" is the migrated URL"));
            UUID guid = UUID.fromString(URI.create(replica).getPath().split("/")[1]);
            OriginLocator l = f.session.contexts().get("b").datacenter().locator(guid).orElseThrow();
            assertEquals(guid.toString(), l.name(), "b's locator is named by a's GUID");
            assertEquals("tutorial --v3 reset; 'tutorial --v3' shows the first step", f.session.execute("tutorial --v3 reset"));
        }
    }

    @Test
    void isRefusedOnAV2Pair(@TempDir Path data) throws Exception {
        try (LocalPair pair = new LocalPair(LocalPair.Options.at(data, LocalPairExtension.toolsDir())).start()) {
            ShellFixture f = new ShellFixture(pair, null, data);
            AmshException e = assertThrows(AmshException.class, () -> f.session.execute("tutorial --v3"));
            assertTrue(e.oneLine().contains("--local-kind v2,v3"), e.oneLine());
        }
    }
}
