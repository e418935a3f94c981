package dev.amsh.shell.repl;

import org.jline.reader.Candidate;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes {@code x.} and {@code x[0].na} from the live value a variable holds: record components and
 * getters as properties, public methods with {@code (}. The path is walked by reflection over indexes,
 * components and getters only, so Tab never runs Groovy or anything with side effects.
 */
final class ObjectCompleter {
    private static final Pattern PATH = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+]|\\.[A-Za-z_][A-Za-z0-9_]*(?:\\(\\))?)*)\\.([A-Za-z0-9_]*)");
    private static final Pattern STEP = Pattern.compile("\\[(\\d+)]|\\.([A-Za-z_][A-Za-z0-9_]*)(\\(\\))?");

    private ObjectCompleter() {
    }

    /** Candidates for {@code word} when it is a path into a variable's value, else nothing. */
    static List<Candidate> complete(String word, Map<String, Object> variables) {
        Matcher m = PATH.matcher(word);
        if (!m.matches() || !variables.containsKey(m.group(1))) {
            return List.of();
        }
        Optional<Object> value = walk(variables.get(m.group(1)), m.group(2));
        if (value.isEmpty() || value.get() == null) {
            return List.of();
        }
        String base = word.substring(0, word.length() - m.group(3).length());
        List<Candidate> out = new ArrayList<>();
        members(value.get().getClass()).forEach((name, kind) -> out.add(new Candidate(base + name, name, null, kind, null, null,
                !name.endsWith("("))));
        return out;
    }

    private static Optional<Object> walk(Object root, String path) {
        Object v = root;
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            if (v == null) {
                return Optional.empty();
            }
            if (step.group(1) != null) {
                int i = Integer.parseInt(step.group(1));
                if (!(v instanceof List<?> l) || i >= l.size()) {
                    return Optional.empty();
                }
                v = l.get(i);
            } else {
                Optional<Object> next = property(v, step.group(2));
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                v = next.get();
            }
        }
        return Optional.of(v);
    }

    /** A record component or a getter; never another method. */
    private static Optional<Object> property(Object v, String name) {
        try {
            if (v.getClass().isRecord()) {
                for (RecordComponent rc : v.getClass().getRecordComponents()) {
                    if (rc.getName().equals(name)) {
                        return Optional.ofNullable(rc.getAccessor().invoke(v));
                    }
                }
            }
            Method getter = v.getClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            return Modifier.isPublic(getter.getDeclaringClass().getModifiers()) ? Optional.ofNullable(getter.invoke(v)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> members(Class<?> type) {
        Map<String, String> out = new TreeMap<>();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                out.put(rc.getName(), "property " + rc.getType().getSimpleName());
            }
        }
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
                    || method.getName().contains("$") || out.containsKey(method.getName())) {
                continue;
            }
            String n = method.getName();
            if (n.startsWith("get") && n.length() > 3 && method.getParameterCount() == 0) {
                out.putIfAbsent(Character.toLowerCase(n.charAt(3)) + n.substring(4), "property " + method.getReturnType().getSimpleName());
            }
            out.putIfAbsent(n + "(", method.getReturnType().getSimpleName() + " " + n + "(" + method.getParameterCount() + " args)");
        }
        return out;
    }
}
