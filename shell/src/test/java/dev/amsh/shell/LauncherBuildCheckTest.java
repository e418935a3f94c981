package dev.amsh.shell;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The {@code ./amsh} launcher's build check, on a copy of the launcher in a tree of its own: {@code mvn} and
 * {@code java} there are scripts that note they ran, so the test sees whether the launcher built and started.
 */
class LauncherBuildCheckTest {
    @TempDir
    Path tree;
    Path source;
    Path jar;
    Path log;

    @BeforeEach
    void tree() throws IOException {
        Path launcher = Path.of(System.getProperty("amsh.home", Path.of("").toAbsolutePath().getParent().toString())).resolve("amsh");
        Files.copy(launcher, tree.resolve("amsh"));
        tree.resolve("amsh").toFile().setExecutable(true);
        log = tree.resolve("ran.log");
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        source = tree.resolve("shell/src/main/java/dev/amsh/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}");
        Files.createDirectories(tree.resolve("shell/target/lib"));
        jar = tree.resolve("shell/target/amsh-shell-0.1.0-SNAPSHOT.jar");
        Files.writeString(jar, "jar");
        Path bin = Files.createDirectories(tree.resolve("bin"));
        // a build that does not rewrite the jar (as when only another module changed), unless told to fail
        script(bin.resolve("mvn"), "echo build >> " + log + "\n[ -f " + tree.resolve("fail") + " ] && exit 1\n"
                + "[ -f " + tree.resolve("edit-during-build") + " ] && touch " + source + "\nexit 0\n");
        script(bin.resolve("java"), "echo start >> " + log + "\nexit 0\n");
        age(tree.resolve("pom.xml"), 100);
        try (var paths = Files.walk(tree.resolve("shell/src"))) {
            for (Path p : paths.toList()) {
                age(p, 100);
            }
        }
        age(jar, 50);
    }

    static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        file.toFile().setExecutable(true);
    }

    static void age(Path file, int secondsAgo) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    /** Runs the launcher; its exit status and what it wrote on stderr. */
    record Run(int status, String err, String ran) {
    }

    Run launch() throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder(tree.resolve("amsh").toString(), "--help");
        pb.environment().put("PATH", tree.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("AMSH_CDS", "off");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(p.exitValue(), err, Files.exists(log) ? Files.readString(log) : "");
    }

    @Test
    void startsWithoutBuildingWhenNothingChanged() throws Exception {
        Run run = launch();
        assertEquals(0, run.status(), run.err());
        assertEquals("start\n", run.ran());
    }

    @Test
    void aChangedSourceIsBuiltOnceEvenWhenTheJarStaysAsItWas() throws Exception {
        Files.writeString(source, "class A { int x; }");
        Run first = launch();
        assertEquals("build\nstart\n", first.ran(), first.err());
        assertTrue(first.err().contains("amsh: building"), first.err());
        assertTrue(Files.exists(tree.resolve("shell/target/amsh.built")));
        // the stub build left the jar older than the source: the stamp says it was built
        assertEquals("start\n", launch().ran());
    }

    @Test
    void aDeletedSourceIsBuilt() throws Exception {
        Path other = source.resolveSibling("B.java");
        Files.writeString(other, "class B {}");
        age(other, 100);
        age(source.getParent(), 100);
        assertEquals("start\n", launch().ran());
        Files.delete(other);
        assertEquals("build\nstart\n", launch().ran());
    }

    @Test
    void aChangedPomIsBuilt() throws Exception {
        Path modulePom = tree.resolve("shell/pom.xml");
        Files.writeString(modulePom, "<project/>");
        assertEquals("build\nstart\n", launch().ran());
    }

    @Test
    void aSourceSavedDuringTheBuildIsBuiltNextTime() throws Exception {
        Files.writeString(tree.resolve("edit-during-build"), "");
        Files.writeString(source, "class A { int y; }");
        assertEquals("build\nstart\n", launch().ran());
        Files.delete(tree.resolve("edit-during-build"));
        assertEquals("build\nstart\n", launch().ran());
        assertEquals("start\n", launch().ran());
    }

    @Test
    void aFailedBuildSaysWhereItsLogIsAndStartsNothing() throws Exception {
        Files.writeString(tree.resolve("fail"), "");
        Files.writeString(source, "class A { broken");
        Run run = launch();
        assertEquals(1, run.status());
        assertEquals("build\n", run.ran());
        assertTrue(run.err().contains("amsh: the build failed; see " + tree.resolve(".amsh/build.log")), run.err());
        assertFalse(Files.exists(tree.resolve("shell/target/amsh.built")));
        // fixed: built and started
        Files.delete(tree.resolve("fail"));
        assertEquals("build\nstart\n", launch().ran());
    }
}
