package dev.amsh.shell;

import dev.amsh.ams.Query;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code upload --sample} makes its sample in the temp folder and leaves nothing there, whether the upload
 * succeeds or fails. The shell tests run with a temp folder of their own (shell/pom.xml), so what is listed
 * there before and after is amsh's doing alone.
 */
@ExtendWith(LocalPairExtension.class)
class TemporaryFilesTest {

    /**
     * The entries of the temp folder (its top level: the folders of running pairs and tests change inside, but a
     * leftover sample, encode or drill page is a new entry here).
     */
    static Set<String> temporaries() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assertTrue(tmp.toString().endsWith("test-tmp"), "the tests' own temp folder: " + tmp);
        Set<String> out = new TreeSet<>();
        try (Stream<Path> all = Files.list(tmp)) {
            all.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }

    /**
     * What is in the temp folder now and was not in {@code before}; but Playwright's driver, which it unpacks once
     * per process and removes when the process exits.
     */
    static Set<String> leftSince(Set<String> before) throws IOException {
        Set<String> now = temporaries();
        now.removeAll(before);
        now.removeIf(n -> n.startsWith("playwright-java-"));
        return now;
    }

    @Test
    void aSampleUploadLeavesNothingInTheTempFolderAndNeitherDoesAFailedOne(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String name = "tmp-sample-" + UUID.randomUUID().toString().substring(0, 6);
        Set<String> before = temporaries();
        f.session.execute("upload --sample --asset " + name);
        assertTrue(f.take().contains("into asset " + name), "uploaded");
        assertEquals(1, f.session.contexts().get("a").ams().listAssets(Query.all()).stream().filter(x -> x.name().equals(name)).count());
        assertEquals(Set.of(), leftSince(before), "the sample went with its upload");

        pair.datacenter("b").stop();
        try {
            assertThrows(Throwable.class, () -> f.session.execute("upload --sample --asset " + name + " --on b"));
        } finally {
            pair.datacenter("b").start();
        }
        assertEquals(Set.of(), leftSince(before), "a failed upload leaves no sample either");
    }
}
