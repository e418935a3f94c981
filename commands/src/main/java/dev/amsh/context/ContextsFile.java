package dev.amsh.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.amsh.error.AmshException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contexts file ({@code ~/.amsh/contexts.json} unless {@code --contexts} or {@code AMSH_CONTEXTS} says
 * otherwise): named contexts and the current one. Written with owner-only permissions; a file that others
 * can read is reported so the shell can warn.
 */
public final class ContextsFile {
    public static final String ENV_VAR = "AMSH_CONTEXTS";

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Content(String current, Map<String, ContextConfig> contexts, Boolean localPair) {
        public Content {
            contexts = contexts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(contexts);
        }

        public Content(String current, Map<String, ContextConfig> contexts) {
            this(current, contexts, null);
        }

        /**
         * True when the contexts were added while a and b were the local pair's: they come beside the pair, so
         * the next start connects a and b to the pair again instead of hiding them.
         */
        public boolean besideLocalPair() {
            return Boolean.TRUE.equals(localPair);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;

    public ContextsFile(Path path) {
        this.path = path;
    }

    /** The path chosen by option, then environment variable, then the home default. */
    public static Path locate(String option, Map<String, String> env, Path home) {
        if (option != null && !option.isBlank()) {
            return Path.of(option);
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return home.resolve(".amsh").resolve("contexts.json");
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /**
     * Builds the JSON reader of the file's shape (Jackson's deserializers for every context field) without reading
     * a file, so that a start can do it on another thread while the terminal opens, and the first {@link #read()}
     * on the way to the prompt finds it made.
     */
    public static void prepareReader() {
        try {
            JSON.readValue("{\"contexts\":{}}", Content.class);
        } catch (IOException e) {
            throw new IllegalStateException("the contexts reader cannot read an empty file", e);
        }
    }

    public Content read() {
        if (!exists()) {
            return new Content(null, Map.of());
        }
        Content content;
        try {
            content = JSON.readValue(path.toFile(), Content.class);
        } catch (MismatchedInputException e) {
            // valid JSON of the wrong shape: name the field and what it should be, never the value (it may be a key)
            var at = e.getLocation();
            throw new AmshException("contexts file " + path + ": " + fieldPath(e) + " should be " + expected(e.getTargetType())
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                    "fix that field, or point --contexts at another file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the parser's message quotes the offending text, which may be a key: give the place only
            var at = e.getLocation();
            throw new AmshException("contexts file " + path + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                    "fix it, or point --contexts at another file");
        } catch (IOException e) {
            throw new AmshException("cannot read contexts file " + path + ": " + e.getClass().getSimpleName(),
                    "check its permissions, or point --contexts at another file");
        }
        if (content != null) {
            ContextChecks.check(path, content.contexts());
        }
        return content;
    }

    public void write(Content content) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            createOwnerOnly(tmp);
            Files.write(tmp, JSON.writeValueAsBytes(content));
            Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AmshException("cannot write contexts file " + path + ": " + e.getMessage(),
                    "check the directory's permissions");
        }
    }

    /** Removes the file (its last context was removed). */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new AmshException("cannot remove contexts file " + path + ": " + e.getMessage(), "remove it by hand");
        }
    }

    /** Warnings about the file: readable by group or others while it holds inline secrets. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                out.add("warning: " + path + " is readable by others; run: chmod 600 " + path);
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: nothing to check
        }
        return out;
    }

    /** The field as a path from the top: {@code contexts.a.auth.accountKey}; "the top level" for the whole file. */
    static String fieldPath(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            String part = r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]";
            sb.append(sb.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return sb.isEmpty() ? "the top level" : sb.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of named entries";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    /** Created owner-only from the start, so the secrets are never readable by others, even briefly. */
    private static void createOwnerOnly(Path p) throws IOException {
        try {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(p); // not a POSIX file system
        }
    }

}
