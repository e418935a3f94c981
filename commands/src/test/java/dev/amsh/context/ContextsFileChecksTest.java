package dev.amsh.context;

import dev.amsh.error.AmshException;
import dev.amsh.storage.StorageAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A contexts file whose values cannot work is refused when it is read, with the context and the field named. */
class ContextsFileChecksTest {
    static final String KEY = "a2V5QQ==";
    static final String GARBAGE_CS = "this is no connection string, secret-ish 12345";

    @TempDir
    Path dir;

    Path write(String context) throws Exception {
        Path f = dir.resolve("contexts.json");
        Files.writeString(f, "{\"current\":\"good\",\"contexts\":{\"good\":{\"apiRoot\":\"https://media.windows.net/api/\","
                + "\"auth\":{\"type\":\"acs\",\"accountName\":\"n\",\"accountKey\":\"" + KEY + "\"}},\"bad\":" + context + "}}");
        return f;
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("{\"apiRoot\":\"notaurl\"}", "apiRoot 'notaurl' is not an http or https URL",
                        "set contexts.bad.apiRoot to a full URL"),
                Arguments.of("{\"apiRoot\":\"ftp://x/api/\"}", "apiRoot 'ftp://x/api/' is not an http or https URL",
                        "contexts.bad.apiRoot"),
                Arguments.of("{\"auth\":{\"acsUrl\":\"acs\"}}", "auth.acsUrl 'acs' is not an http or https URL",
                        "contexts.bad.auth.acsUrl"),
                Arguments.of("{\"auth\":{\"tokenUrl\":\"::\"}}", "auth.tokenUrl '::' is not an http or https URL",
                        "contexts.bad.auth.tokenUrl"),
                Arguments.of("{\"storage\":{\"name\":\"s\",\"key\":\"not base64!\"}}",
                        "storage.key is not a storage account key", "contexts.bad.storage.key"),
                Arguments.of("{\"storage\":{\"blobEndpoint\":\"store\"}}",
                        "storage.blobEndpoint 'store' is not an http or https URL", "contexts.bad.storage.blobEndpoint"),
                Arguments.of("{\"storage\":{\"connectionString\":\"" + GARBAGE_CS + "\"}}",
                        "storage.connectionString is not a storage connection string",
                        "DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY"),
                Arguments.of("{\"storage\":{\"connectionString\":\"AccountName=s;AccountKey=%%%\"}}",
                        "storage.connectionString has an AccountKey that is not", "contexts.bad.storage.connectionString"),
                Arguments.of("{\"storage\":{\"connectionString\":\"AccountName=s;AccountKey=" + KEY + ";BlobEndpoint=nohost\"}}",
                        "gives a blob endpoint that is not an http or https URL", "BlobEndpoint"),
                Arguments.of("{\"kind\":\"v4\"}", "kind 'v4' is not a kind of context", "set contexts.bad.kind to v2 or v3"),
                Arguments.of("{\"kind\":\"v3\",\"arm\":{\"endpoint\":\"rms.example.com\"}}",
                        "arm.endpoint 'rms.example.com' is not an http or https URL", "contexts.bad.arm.endpoint"),
                Arguments.of("{\"kind\":\"v3\",\"arm\":{\"endpoint\":\"https://rms.example.com/\",\"tokenUrl\":\"token\"}}",
                        "arm.tokenUrl 'token' is not an http or https URL", "contexts.bad.arm.tokenUrl"),
                Arguments.of("{\"kind\":\"v3\",\"arm\":{\"endpoint\":\"https://rms.example.com/\",\"authority\":\"entra\"}}",
                        "arm.authority 'entra' is not an http or https URL", "contexts.bad.arm.authority"),
                Arguments.of("{\"kind\":\"v3\",\"arm\":{\"endpoint\":\"https://rms.example.com/\",\"streamingScheme\":\"rtmp\"}}",
                        "arm.streamingScheme 'rtmp' is not https or http", "contexts.bad.arm.streamingScheme"),
                Arguments.of("{\"kind\":\"v3\",\"arm\":{\"endpoint\":\"https://rms.example.com/\"},"
                        + "\"storage\":{\"connectionString\":\"" + GARBAGE_CS + "\"}}",
                        "storage.connectionString is not a storage connection string", "contexts.bad.storage.connectionString"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badValues")
    void aValueThatCannotWorkIsNamedWhenTheFileIsRead(String context, String problem, String hint) throws Exception {
        Path f = write(context);
        AmshException e = assertThrows(AmshException.class, () -> new ContextsFile(f).read());
        String line = e.oneLine();
        assertTrue(line.startsWith("contexts file " + f + ": context 'bad': "), line);
        assertTrue(line.contains(problem), line);
        assertTrue(line.contains(hint), line);
        assertTrue(line.endsWith("or point --contexts at another file)"), line);
        assertFalse(line.contains(GARBAGE_CS) || line.contains("%%%"), "never quotes a secret: " + line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void referencesMasksAndGoodValuesLoad() throws Exception {
        Path f = write("{\"apiRoot\":\"http://127.0.0.1:1234/api/\",\"auth\":{\"type\":\"acs\",\"accountName\":\"n\","
                + "\"accountKey\":\"env:K\",\"acsUrl\":\"http://127.0.0.1:1/acs\"},\"storage\":{\"connectionString\":\"env:CS\","
                + "\"key\":\"***\",\"blobEndpoint\":\"http://127.0.0.1:10000/s\"}}");
        ContextsFile.Content c = new ContextsFile(f).read();
        Path v3 = write("{\"kind\":\"v3\",\"arm\":{\"endpoint\":\"https://127.0.0.1:8443/\",\"subscriptionId\":\"s\","
                + "\"resourceGroup\":\"g\",\"accountName\":\"m\",\"apiKey\":\"env:K\",\"streamingScheme\":\"http\"}}");
        assertEquals("v3", new ContextsFile(v3).read().contexts().get("bad").kind());
        assertEquals("env:CS", c.contexts().get("bad").storage().connectionString());
        Path cs = write("{\"storage\":{\"connectionString\":\"DefaultEndpointsProtocol=https;AccountName=s;AccountKey=" + KEY
                + ";EndpointSuffix=core.windows.net\"}}");
        assertEquals("s", StorageAccount.fromConnectionString(new ContextsFile(cs).read().contexts().get("bad").storage()
                .connectionString()).name());
    }
}
