package dev.amsh.ops;

import dev.amsh.ams.Query;
import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.error.AmshException;
import dev.amsh.storage.CopyCancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Ctrl-C during an upload: the upload stops, and neither the new asset nor a blob nor its SAS locator is left. */
@ExtendWith(LocalPairExtension.class)
class UploadCancelTest {
    @Test
    void aCancelledUploadLeavesNoAssetNoBlobAndNoSas(LocalPair pair, @TempDir Path dir) throws Exception {
        AccountContext a = new PairContexts(pair).contexts.get("a");
        Path file = dir.resolve("big.mp4");
        byte[] chunk = new byte[1 << 20];
        new Random(1).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 48; i++) {
                out.write(chunk); // 48 MiB: six 8 MiB blocks, committed only at the end
            }
        }
        String name = "cancel-" + UUID.randomUUID().toString().substring(0, 8);
        long policies = a.ams().listAccessPolicies(Query.filter("startswith(Name,'" + RunMarker.PREFIX + "')")).stream().count();
        CopyCancellation cancel = new CopyCancellation();

        AmshException e = assertThrows(AmshException.class, () -> new Upload(Clock.systemUTC()).run(a, file, name,
                new okhttp3.OkHttpClient(), done -> cancel.cancel(), cancel));

        assertTrue(e.oneLine().contains("cancelled"), e.oneLine());
        assertEquals(0, a.ams().listAssets(Query.filter("Name eq '" + name + "'")).stream().count(), "the new asset was removed");
        assertEquals(0, a.storage().service().listBlobContainers().stream()
                .filter(c -> a.storage().list(c.getName()).stream().anyMatch(b -> b.name().equals("big.mp4"))).count(),
                "no blob of it anywhere");
        assertEquals(policies, a.ams().listAccessPolicies(Query.filter("startswith(Name,'" + RunMarker.PREFIX + "')")).stream()
                .count(), "its write SAS policy removed");
    }
}
