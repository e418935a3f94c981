package dev.amsh.emulator;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts one real local pair (Azurite installed from npm into the project's .amsh/tools on first use) for
 * all tests of a JVM, and injects it. Each test class works on assets of its own, so sharing is safe.
 */
public final class LocalPairExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == LocalPair.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedPair.class, k -> new SharedPair(), SharedPair.class).pair;
    }

    /** Where the project keeps tools installed on first use. */
    public static Path toolsDir() {
        String home = System.getProperty("amsh.home", System.getProperty("user.dir"));
        return Path.of(home).resolve(".amsh").resolve("tools");
    }

    static final class SharedPair implements ExtensionContext.Store.CloseableResource {
        final LocalPair pair;
        final Path data;

        SharedPair() {
            try {
                data = Files.createTempDirectory("amsh-pair");
                pair = new LocalPair(LocalPair.Options.at(data, toolsDir()).withLog(System.out::println)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            pair.close();
        }
    }
}
